package dev.agentcore.core.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CodeBuild. */
public interface BuildService {

    /** What the project is made of; the same spec creates or updates it. */
    record ProjectSpec(String name, String sourceLocation, String buildspec, String environmentType, String image,
                       String computeType, boolean privilegedMode, String serviceRoleArn,
                       Map<String, String> environmentVariables, Map<String, String> tags) { }

    record Phase(String type, String status, Long durationSeconds) { }

    /**
     * A build as last seen: status IN_PROGRESS, SUCCEEDED, FAILED, FAULT, STOPPED or TIMED_OUT; the phases so far
     * and where its log is.
     */
    record Build(String id, String status, String currentPhase, List<Phase> phases, String logGroup,
                 String logStream, Instant startTime, Instant endTime) {
        public boolean finished() {
            return !"IN_PROGRESS".equals(status);
        }
    }

    boolean projectExists(String name);

    void createProject(ProjectSpec spec);

    void updateProject(ProjectSpec spec);

    String startBuild(String projectName, String sourceLocation);

    Build getBuild(String buildId);

    /** The most recent build of the project, if any. */
    Optional<Build> lastBuild(String projectName);

    /** False when it was already gone. */
    boolean deleteProject(String name);
}
