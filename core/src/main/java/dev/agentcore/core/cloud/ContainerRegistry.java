package dev.agentcore.core.cloud;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ECR. */
public interface ContainerRegistry {

    record Repository(String name, String uri, String arn, Map<String, String> tags) { }

    /** One image: a tag (null when untagged) and its digest. */
    record Image(String tag, String digest) { }

    /** Short-lived push credentials: a secret, never printed or written. */
    record Login(String username, String password, String endpoint) {
        @Override
        public String toString() {
            return "Login[username=" + username + ", password=****, endpoint=" + endpoint + "]";
        }
    }

    Optional<Repository> findRepository(String name);

    /** Creates the repository; when it already exists, returns the existing one. */
    Repository createRepository(String name, Map<String, String> tags);

    boolean imageTagExists(String repositoryName, String tag);

    /** Every image, all pages. Empty when the repository does not exist. */
    List<Image> listImages(String repositoryName);

    /** Deletes the images; returns how many went. */
    int deleteImages(String repositoryName, List<Image> images);

    /** Deletes an empty repository; false when it was already gone. */
    boolean deleteRepository(String repositoryName);

    Login login();
}
