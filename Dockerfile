# One image recipe for the three services: docker build --build-arg MODULE=query-service .
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE=command-service
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl "${MODULE}" -am package \
 && cp "${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT.jar" /app.jar

FROM eclipse-temurin:17-jre
# curl serves the container health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home app
USER app
COPY --from=build /app.jar /app/app.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-jar", "/app/app.jar"]
