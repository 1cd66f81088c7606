package dev.agentcore.core.testing;

/**
 * The buildspec contract (templates/buildspec.yml) for tests that create CodeBuild projects without the launch
 * flow. The echo line is not in the template: it keeps a plain shell command in the builds the emulator runs.
 */
public final class LaunchBuildspec {

    public static final String YAML = """
            version: 0.2
            phases:
              pre_build:
                commands:
                  - echo Logging in to Amazon ECR
                  - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REPOSITORY_URI
              build:
                on-failure: ABORT
                commands:
                  - docker build --platform linux/arm64 -t $IMAGE_URI -f Dockerfile .
              post_build:
                commands:
                  - docker push $IMAGE_URI
            """;

    private LaunchBuildspec() {
    }
}
