package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.ContainerRegistry;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ECR: the repository the image is pushed to, its images, push credentials. */
final class EcrRegistry implements ContainerRegistry {

    private static final String SERVICE = "ECR";
    /** BatchDeleteImage takes at most 100 ids per call. */
    private static final int DELETE_BATCH = 100;

    private final EcrClient ecr;

    EcrRegistry(EcrClient ecr) {
        this.ecr = ecr;
    }

    @Override
    public Optional<Repository> findRepository(String name) {
        try {
            var repo = AwsErrors.call(SERVICE, () -> ecr.describeRepositories(b -> b.repositoryNames(name)))
                    .repositories().stream().findFirst();
            if (repo.isEmpty()) {
                return Optional.empty();
            }
            var r = repo.get();
            Map<String, String> tags = new LinkedHashMap<>();
            AwsErrors.call(SERVICE, () -> ecr.listTagsForResource(b -> b.resourceArn(r.repositoryArn())))
                    .tags().forEach(t -> tags.put(t.key(), t.value()));
            return Optional.of(new Repository(r.repositoryName(), r.repositoryUri(), r.repositoryArn(), tags));
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Repository createRepository(String name, Map<String, String> tags) {
        try {
            var r = AwsErrors.call(SERVICE, () -> ecr.createRepository(b -> b.repositoryName(name)
                    .tags(tags.entrySet().stream()
                            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())))
                    .repository();
            return new Repository(r.repositoryName(), r.repositoryUri(), r.repositoryArn(), Map.copyOf(tags));
        } catch (CloudException e) {
            if (e.is(Kind.ALREADY_EXISTS)) {
                // lost a race or re-run after a crash: reuse what is there
                return findRepository(name).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    @Override
    public boolean imageTagExists(String repositoryName, String tag) {
        try {
            return !AwsErrors.call(SERVICE, () -> ecr.describeImages(b -> b.repositoryName(repositoryName)
                    .imageIds(ImageIdentifier.builder().imageTag(tag).build()))).imageDetails().isEmpty();
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<Image> listImages(String repositoryName) {
        try {
            List<Image> images = new ArrayList<>();
            AwsErrors.run(SERVICE, () -> ecr.listImagesPaginator(b -> b.repositoryName(repositoryName)).imageIds()
                    .forEach(id -> images.add(new Image(id.imageTag(), id.imageDigest()))));
            return images;
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public int deleteImages(String repositoryName, List<Image> images) {
        // by digest when known: that removes the image with all its tags
        List<ImageIdentifier> ids = images.stream().map(i -> i.digest() != null
                ? ImageIdentifier.builder().imageDigest(i.digest()).build()
                : ImageIdentifier.builder().imageTag(i.tag()).build()).distinct().toList();
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
            List<ImageIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH));
            try {
                deleted += AwsErrors.call(SERVICE, () -> ecr.batchDeleteImage(b -> b.repositoryName(repositoryName)
                        .imageIds(batch))).imageIds().size();
            } catch (CloudException e) {
                if (!e.is(Kind.NOT_FOUND)) {
                    throw e;
                }
            }
        }
        return deleted;
    }

    @Override
    public boolean deleteRepository(String repositoryName) {
        try {
            AwsErrors.run(SERVICE, () -> ecr.deleteRepository(b -> b.repositoryName(repositoryName)));
            return true;
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Login login() {
        AuthorizationData data = AwsErrors.call(SERVICE, () -> ecr.getAuthorizationToken()).authorizationData()
                .stream().findFirst().orElseThrow(() -> CloudException.of(Kind.OTHER, SERVICE,
                        "ECR returned no authorization data"));
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw CloudException.of(Kind.OTHER, SERVICE, "ECR returned a malformed authorization token");
        }
        return new Login(decoded.substring(0, colon), decoded.substring(colon + 1), data.proxyEndpoint());
    }
}
