-- One database per service; the services would also create them, this makes it visible.
CREATE DATABASE pc_command;
CREATE DATABASE pc_query;
CREATE DATABASE pc_analytics;
