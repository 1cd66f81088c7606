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

    private StsClient sts;
    private IamClient iam;
    private EcrClient ecr;
    private S3Client s3;
    private CodeBuildClient codeBuild;
    private CloudWatchLogsClient logs;
    private BedrockAgentCoreControlClient control;
    private BedrockAgentCoreClient data;

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

    public synchronized StsClient sts() {
        return sts != null ? sts : (sts = open(StsClient.builder(), "STS"));
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            var b = IamClient.builder();
            // IAM is global: the SDK signs for aws-global whatever the configured region
            iam = configure(b, "IAM").region(Region.AWS_GLOBAL).build();
            opened.add(iam);
        }
        return iam;
    }

    public synchronized EcrClient ecr() {
        return ecr != null ? ecr : (ecr = open(EcrClient.builder(), "ECR"));
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            var b = S3Client.builder();
            configure(b, "S3").region(Region.of(region()));
            // emulators answer on one host name: bucket.localhost would not resolve
            b.forcePathStyle(settings.endpointFor("S3") != null);
            s3 = b.build();
            opened.add(s3);
        }
        return s3;
    }

    public synchronized CodeBuildClient codeBuild() {
        return codeBuild != null ? codeBuild : (codeBuild = open(CodeBuildClient.builder(), "CODEBUILD"));
    }

    public synchronized CloudWatchLogsClient logs() {
        return logs != null ? logs : (logs = open(CloudWatchLogsClient.builder(), "CLOUDWATCH_LOGS"));
    }

    public synchronized BedrockAgentCoreControlClient agentCoreControl() {
        return control != null ? control
                : (control = open(BedrockAgentCoreControlClient.builder(), "BEDROCK_AGENTCORE_CONTROL"));
    }

    public synchronized BedrockAgentCoreClient agentCore() {
        if (data == null) {
            var b = BedrockAgentCoreClient.builder();
            configure(b, "BEDROCK_AGENTCORE").region(Region.of(region()));
            // an agent may think for minutes between two chunks: wait as long as the Python tool (900 s)
            SdkHttpClient slow = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(900))
                    .build();
            opened.add(slow);
            b.httpClient(slow);
            data = b.build();
            opened.add(data);
        }
        return data;
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
        C client = configure(builder, service).region(Region.of(region())).build();
        opened.add(client);
        return client;
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String service) {
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient());
        }
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
            httpClient = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(120))
                    .build();
            opened.add(httpClient);
        }
        return httpClient;
    }

    @Override
    public synchronized void close() {
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
