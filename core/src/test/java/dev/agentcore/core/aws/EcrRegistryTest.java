package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.ContainerRegistry;
import dev.agentcore.core.cloud.ContainerRegistry.Image;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EcrRegistryTest {

    final ContainerRegistry ecr = EmulatedAws.cloud().registry();

    @Test
    void createFindAndReuseATaggedRepository() {
        String name = EmulatedAws.unique("bedrock-agentcore-");
        assertThat(ecr.findRepository(name)).isEmpty();

        var created = ecr.createRepository(name, Map.of("agentcore:managed-by", "agentcore-java"));
        assertThat(created.uri()).isEqualTo(Emulator.ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/" + name);

        var found = ecr.findRepository(name).orElseThrow();
        assertThat(found.arn()).isEqualTo(created.arn());
        assertThat(found.tags()).containsEntry("agentcore:managed-by", "agentcore-java");
        // a re-run after a crash reuses it
        assertThat(ecr.createRepository(name, Map.of()).uri()).isEqualTo(created.uri());
    }

    @Test
    void imagesAreListedCheckedAndDeleted() {
        String name = EmulatedAws.unique("repo-");
        ecr.createRepository(name, Map.of());
        assertThat(ecr.listImages(name)).isEmpty();
        EmulatedAws.pushImage(name, "v1");
        EmulatedAws.pushImage(name, "v2");

        assertThat(ecr.imageTagExists(name, "v1")).isTrue();
        assertThat(ecr.imageTagExists(name, "v3")).isFalse();
        assertThat(ecr.listImages(name)).extracting(Image::tag).containsExactlyInAnyOrder("v1", "v2");
        assertThat(ecr.listImages(name)).allSatisfy(i -> assertThat(i.digest()).startsWith("sha256:"));

        CloudException notEmpty = catchThrowableOfType(CloudException.class, () -> ecr.deleteRepository(name));
        assertThat(notEmpty.kind()).isEqualTo(Kind.CONFLICT);

        assertThat(ecr.deleteImages(name, ecr.listImages(name))).isEqualTo(2);
        assertThat(ecr.listImages(name)).isEmpty();
        assertThat(ecr.deleteRepository(name)).isTrue();
        assertThat(ecr.deleteRepository(name)).isFalse();
    }

    @Test
    void aMissingRepositoryHasNoImages() {
        String name = EmulatedAws.unique("gone-");
        assertThat(ecr.listImages(name)).isEmpty();
        assertThat(ecr.imageTagExists(name, "latest")).isFalse();
    }

    @Test
    void loginGivesPushCredentialsThatNeverPrint() {
        var login = ecr.login();
        assertThat(login.username()).isEqualTo("AWS");
        assertThat(login.password()).isNotBlank();
        assertThat(login.endpoint()).contains("dkr.ecr");
        assertThat(login.toString()).doesNotContain(login.password());
    }
}
