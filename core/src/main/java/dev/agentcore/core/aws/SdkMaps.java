package dev.agentcore.core.aws;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An SDK response as plain maps, lists and strings under the API's own member names (what --verbose prints). */
final class SdkMaps {

    private SdkMaps() {
    }

    static Map<String, Object> toMap(SdkPojo pojo) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = plain(field.getValueOrDefault(pojo));
            if (value != null) {
                out.put(field.locationName() != null ? field.locationName() : field.memberName(), value);
            }
        }
        return out;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            return toMap(pojo);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }
}
