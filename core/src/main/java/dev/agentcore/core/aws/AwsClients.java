package dev.agentcore.core.aws;

import dev.agentcore.core.AgentCoreException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds SDK clients lazily, one per service, only when a command first needs it (each costs start-up time). All
 * share one light url-connection HTTP client, the standard retry mode and the same region, credentials and
 * endpoint rules.
 */
public final class AwsClients implements AutoCloseable {

    /** The Python tool's fallback when no region is configured anywhere. */
    public static final String FALLBACK_REGION = "us-west-2";

    private final AwsSettings settings;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private SdkHttpClient httpClient;
    private AwsCredentialsProvider credentials;

    private final Lazy<StsClient> sts = new Lazy<>(() -> open(StsClient.builder(), "STS"));
    private final Lazy<IamClient> iam = new Lazy<>(this::openIam);
    private final Lazy<EcrClient> ecr = new Lazy<>(() -> open(EcrClient.builder(), "ECR"));
    private final Lazy<S3Client> s3 = new Lazy<>(this::openS3);
    private final Lazy<CodeBuildClient> codeBuild = new Lazy<>(() -> open(CodeBuildClient.builder(), "CODEBUILD"));
    private final Lazy<CloudWatchLogsClient> logs = new Lazy<>(() -> open(CloudWatchLogsClient.builder(),
            "CLOUDWATCH_LOGS"));
    private final Lazy<BedrockAgentCoreControlClient> control = new Lazy<>(() -> open(
            BedrockAgentCoreControlClient.builder(), "BEDROCK_AGENTCORE_CONTROL"));
    private final Lazy<BedrockAgentCoreClient> data = new Lazy<>(this::openDataPlane);

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    public AwsSettings settings() {
        return settings;
    }

    /**
     * The region: --region, else AWS_REGION, else AWS_DEFAULT_REGION, else the profile's, else null. No instance
     * metadata look-up: it would stall a laptop for seconds.
     */
    public static String resolveRegion(AwsSettings settings) {
        if (settings.region() != null && !settings.region().isBlank()) {
            return settings.region();
        }
        for (String var : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String v = settings.env().get(var);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        try {
            String profile = settings.effectiveProfile();
            Region r = (profile == null ? new AwsProfileRegionProvider()
                    : new AwsProfileRegionProvider(null, profile)).getRegion();
            return r == null ? null : r.id();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public String region() {
        String region = resolveRegion(settings);
        if (region == null) {
            throw AgentCoreException.invalidInput("No AWS region configured.",
                    "Pass --region, set AWS_REGION, or configure the agent with --region.");
        }
        return region;
    }

    public StsClient sts() {
        return sts.get();
    }

    public IamClient iam() {
        return iam.get();
    }

    public EcrClient ecr() {
        return ecr.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    public CodeBuildClient codeBuild() {
        return codeBuild.get();
    }

    public CloudWatchLogsClient logs() {
        return logs.get();
    }

    public BedrockAgentCoreControlClient agentCoreControl() {
        return control.get();
    }

    public BedrockAgentCoreClient agentCore() {
        return data.get();
    }

    private IamClient openIam() {
        // IAM is global: the SDK signs for aws-global whatever the configured region
        return track(configure(IamClient.builder(), "IAM").region(Region.AWS_GLOBAL).build());
    }

    private S3Client openS3() {
        var b = S3Client.builder();
        configure(b, "S3").region(Region.of(region()));
        // emulators answer on one host name: bucket.localhost would not resolve
        b.forcePathStyle(settings.endpointFor("S3") != null);
        return track(b.build());
    }

    private BedrockAgentCoreClient openDataPlane() {
        var b = BedrockAgentCoreClient.builder();
        // an agent may think for minutes between two chunks: wait as long as the Python tool (900 s)
        b.httpClient(track(new BackgroundHttpClient("UrlConnection", () -> UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(900))
                .build())));
        configureCommon(b, "BEDROCK_AGENTCORE").region(Region.of(region()));
        return track(b.build());
    }

    /**
     * One client, built on first use under its own lock: flows that call several services at once (launch's
     * ensure-steps, status) build their clients in parallel instead of one after the other.
     */
    private static final class Lazy<T> {
        private final Supplier<T> open;
        private T value;

        Lazy(Supplier<T> open) {
            this.open = open;
        }

        synchronized T get() {
            if (value == null) {
                value = open.get();
            }
            return value;
        }
    }

    /** The credentials the clients use (also handed to a local container as environment variables). */
    public synchronized AwsCredentialsProvider credentialsProvider() {
        if (credentials == null) {
            String key = settings.env().get("AWS_ACCESS_KEY_ID");
            String secret = settings.env().get("AWS_SECRET_ACCESS_KEY");
            String token = settings.env().get("AWS_SESSION_TOKEN");
            String profile = settings.effectiveProfile();
            if (settings.profile() == null && key != null && secret != null) {
                credentials = StaticCredentialsProvider.create(token == null || token.isBlank()
                        ? AwsBasicCredentials.create(key, secret)
                        : AwsSessionCredentials.create(key, secret, token));
            } else if (profile != null) {
                credentials = ProfileCredentialsProvider.create(profile);
            } else {
                credentials = DefaultCredentialsProvider.builder().build();
            }
        }
        return credentials;
    }

    private <B extends AwsClientBuilder<B, C>, C extends AutoCloseable> C open(B builder, String service) {
        return track(configure(builder, service).region(Region.of(region())).build());
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String service) {
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient());
        }
        return configureCommon(builder, service);
    }

    /** All but the HTTP client: credentials, retries and the endpoint. */
    private <B extends AwsClientBuilder<B, C>, C> B configureCommon(B builder, String service) {
        builder.credentialsProvider(credentialsProvider());
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .build());
        String endpoint = settings.endpointFor(service);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    private synchronized SdkHttpClient httpClient() {
        if (httpClient == null) {
            httpClient = track(new BackgroundHttpClient("UrlConnection", () -> UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(120))
                    .build()));
        }
        return httpClient;
    }

    private <T extends AutoCloseable> T track(T closeable) {
        synchronized (opened) {
            opened.add(closeable);
        }
        return closeable;
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception ignored) {
                    // closing is best effort
                }
            }
            opened.clear();
        }
    }
}
