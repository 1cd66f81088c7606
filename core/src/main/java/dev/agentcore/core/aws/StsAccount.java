package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.AccountService;
import dev.agentcore.core.cloud.CallerIdentity;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS: who the credentials belong to. */
final class StsAccount implements AccountService {

    private final StsClient sts;

    StsAccount(StsClient sts) {
        this.sts = sts;
    }

    @Override
    public CallerIdentity callerIdentity() {
        GetCallerIdentityResponse r = AwsErrors.call("STS", sts::getCallerIdentity);
        return new CallerIdentity(r.account(), r.arn(), r.userId());
    }
}
