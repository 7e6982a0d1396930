package com.productivecommunity.analytics.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.analytics.engine.Decimals;
import com.productivecommunity.analytics.versions.ModelVersionRepository.Action;
import com.productivecommunity.analytics.versions.ReplayProgress.Progress;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The analysts' value model versions: create (and replay), list, progress (also as a live stream), replay
 * again, promote, retire. ANALYST only; AUDITOR may read the list and the progress.
 */
@RestController
@RequestMapping("/api/analytics/models")
class ModelsController {

    record ActionView(String action, String actor, Instant at, String detail) {
    }

    record VersionView(String name, String description, String derivedFrom, BigDecimal productiveShareThreshold,
                       Map<String, BigDecimal> weights, Instant until, String state, boolean isDefault, String lane,
                       List<String> sharedWith, String createdBy, Instant createdAt, Instant replayStartedAt,
                       Instant caughtUpAt,
                       String failure, List<ActionView> actions) {
    }

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final ModelVersions versions;
    private final ReplayProgress progress;
    private final ScheduledExecutorService streams = Executors.newScheduledThreadPool(1, r -> {
        Thread thread = new Thread(r, "analytics-progress-stream");
        thread.setDaemon(true);
        return thread;
    });

    ModelsController(ModelVersions versions, ReplayProgress progress) {
        this.versions = versions;
        this.progress = progress;
    }

    @Operation(summary = "Create a value model version (ANALYST): a definition shaped like value-models/v1.json,"
            + " optionally with \"until\" (an ISO-8601 instant: only events that occurred at or before it are applied);"
            + " 201 with the version, its replay from the first event starts at once, in one pass with the versions"
            + " of a lane whose replay has done at most half of the topic (sharedWith); 409 when the name exists")
    @PostMapping
    ResponseEntity<VersionView> create(@RequestBody JsonNode body, @Parameter(hidden = true) Member caller) {
        requireAnalyst(caller);
        ModelDefinitions.Definition definition = ModelDefinitions.read(body, versions.now());
        ModelVersion created = versions.create(definition.model(), definition.derivedFrom(), definition.until(),
                caller.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(versions.version(created.name())));
    }

    @Operation(summary = "Every version, oldest first, with its state, whether it is the default and the recorded"
            + " actions (who, when: create, replay, caught up, promote, retire); ANALYST or AUDITOR")
    @GetMapping
    List<VersionView> list(@Parameter(hidden = true) Member caller) {
        requireReader(caller);
        Map<String, List<Action>> actions = actionsByModel();
        String defaultName = versions.defaultName();
        Map<String, List<ModelVersion>> lanes = versions.liveLanes();
        return versions.all().stream().map(v -> view(v, defaultName, actions, lanes)).toList();
    }

    @Operation(summary = "One version; ANALYST or AUDITOR")
    @GetMapping("/{model}")
    VersionView one(@PathVariable String model, @Parameter(hidden = true) Member caller) {
        requireReader(caller);
        return view(versions.version(model));
    }

    @Operation(summary = "Where the version's replay stands: eventsDone of eventsTotal, eventsPerSecond (last 5 s),"
            + " etaSeconds, state queued/replaying/caught-up/failed/retired; ANALYST or AUDITOR")
    @GetMapping("/{model}/progress")
    Progress progress(@PathVariable String model, @Parameter(hidden = true) Member caller) {
        requireReader(caller);
        return progress.progress(versions.version(model));
    }

    @Operation(summary = "The progress as a live stream (text/event-stream): an event \"progress\" every second"
            + " until the version has caught up, failed or is retired (that one last), then the stream ends")
    @GetMapping(path = "/{model}/progress/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String model, @Parameter(hidden = true) Member caller) {
        requireReader(caller);
        ModelVersion version = versions.version(model);
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable send = () -> {
            try {
                Progress p = progress.progress(versions.version(version.name()));
                emitter.send(SseEmitter.event().name("progress").data(p, MediaType.APPLICATION_JSON));
                if (!p.state().equals("queued") && !p.state().equals("replaying")) {
                    emitter.complete();
                    cancel(task);
                }
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
                cancel(task);
            }
        };
        emitter.onCompletion(() -> cancel(task));
        emitter.onTimeout(() -> cancel(task));
        emitter.onError(e -> cancel(task));
        task.set(streams.scheduleWithFixedDelay(send, 0, 1, TimeUnit.SECONDS));
        return emitter;
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> f = task.get();
        if (f != null) {
            f.cancel(false);
        }
    }

    @Operation(summary = "Replay the version again from the first event into its own figures (ANALYST); 202. A"
            + " version sharing its lane (sharedWith) is replayed with the lane's other versions, in one pass. 409 for"
            + " the default version, one whose lane holds the default, a configured one (rebuild its projection"
            + " instead) or a retired one")
    @PostMapping("/{model}/replay")
    ResponseEntity<VersionView> replay(@PathVariable String model, @Parameter(hidden = true) Member caller) {
        requireAnalyst(caller);
        ModelVersion version = versions.replay(model, caller.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(version));
    }

    @Operation(summary = "Make a caught-up version the default (ANALYST): reads without ?model= switch at once;"
            + " the previous default stays readable by name. 409 when the version has not caught up or stops at"
            + " an instant (until)")
    @PostMapping("/{model}/promote")
    VersionView promote(@PathVariable String model, @Parameter(hidden = true) Member caller) {
        requireAnalyst(caller);
        return view(versions.promote(model, caller.id()));
    }

    @Operation(summary = "Retire a version (ANALYST): it stops following events and its figures and ledger are"
            + " deleted (a lane it shared goes on for the others); its record stays listed. 409 for the default, a"
            + " configured or a retired version")
    @PostMapping("/{model}/retire")
    VersionView retire(@PathVariable String model, @Parameter(hidden = true) Member caller) {
        requireAnalyst(caller);
        return view(versions.retire(model, caller.id()));
    }

    private VersionView view(ModelVersion version) {
        return view(version, versions.defaultName(), actionsByModel(), versions.liveLanes());
    }

    private Map<String, List<Action>> actionsByModel() {
        return versions.actions();
    }

    /** {@code sharedWith}: the other versions (not retired) its lane applies in the same pass; none once retired. */
    private static VersionView view(ModelVersion v, String defaultName, Map<String, List<Action>> actions,
                                    Map<String, List<ModelVersion>> lanes) {
        List<String> sharedWith = v.state() == ModelVersion.State.RETIRED ? List.of()
                : lanes.getOrDefault(v.lane(), List.of()).stream().map(ModelVersion::name)
                        .filter(name -> !name.equals(v.name())).toList();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        new java.util.TreeMap<>(v.model().weights()).forEach((signal, w) -> weights.put(signal.name(), Decimals.exact(w)));
        return new VersionView(v.name(), v.model().description(), v.derivedFrom(),
                Decimals.exact(v.model().productiveShareThreshold()), weights, v.until(), v.state().json(),
                v.name().equals(defaultName), v.lane(), sharedWith, v.createdBy(), v.createdAt(),
                v.replayStartedAt(),
                v.caughtUpAt(), v.failure(), actions.getOrDefault(v.name(), List.of()).stream()
                        .map(a -> new ActionView(a.action(), a.actor(), a.at(), a.detail())).toList());
    }

    private static void requireAnalyst(Member caller) {
        if (!caller.isAnalyst()) {
            throw new ForbiddenException("Only analysts manage value model versions");
        }
    }

    private static void requireReader(Member caller) {
        if (!caller.isAnalyst() && !caller.isAuditor()) {
            throw new ForbiddenException("Only analysts and auditors read the value model versions");
        }
    }
}
