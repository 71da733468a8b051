// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * One named input of a job, in one of two forms:
 *
 * <ul>
 *   <li>inline: {@code {"name":"seed.txt","data":"<base64>"}}, the bytes themselves (small inputs only: see {@link
 *       JobSpecValidator#MAX_INLINE_BYTES});
 *   <li>by reference: {@code {"name":"corpus.tar","sha256":"<64 hex>","url":"https://...","sizeBytes":1048576}},
 *       where a worker fetches it and checks the content hash before the job may run.
 * </ul>
 *
 * <p>The form is decided by which fields are present; {@link JobSpecValidator} rejects mixtures. {@link #toString()}
 * leaves the inline data out.
 */
@JsonPropertyOrder({"name", "data", "sha256", "url", "sizeBytes"})
public final class JobInput {
    @JsonProperty("name")
    private final String name;

    @JsonProperty("data")
    private final String data;

    @JsonProperty("sha256")
    private final String sha256;

    @JsonProperty("url")
    private final String url;

    @JsonProperty("sizeBytes")
    private final Long sizeBytes;

    /** Fields of the other form are null. The name is checked by the validator, which knows the input's index. */
    @JsonCreator
    public JobInput(
            @JsonProperty("name") final String name,
            @JsonProperty("data") final String data,
            @JsonProperty("sha256") final String sha256,
            @JsonProperty("url") final String url,
            @JsonProperty("sizeBytes") final Long sizeBytes) {
        this.name = name;
        this.data = data;
        this.sha256 = sha256;
        this.url = url;
        this.sizeBytes = sizeBytes;
    }

    /** @return an inline input holding {@code base64Data} (standard base64 alphabet, with padding) */
    public static JobInput inline(final String name, final String base64Data) {
        return new JobInput(name, base64Data, null, null, null);
    }

    /** @return an input a worker fetches from {@code url} and checks against {@code sha256} */
    public static JobInput reference(final String name, final String sha256, final String url, final long sizeBytes) {
        return new JobInput(name, null, sha256, url, sizeBytes);
    }

    /** @return the name, possibly null before validation */
    public String name() {
        return name;
    }

    public boolean isInline() {
        return data != null;
    }

    /** @return the base64 data of an inline input */
    public Optional<String> data() {
        return Optional.ofNullable(data);
    }

    /** @return the content hash of a referenced input, 64 lowercase hex */
    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Optional<Long> sizeBytes() {
        return Optional.ofNullable(sizeBytes);
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JobInput)) {
            return false;
        }
        final JobInput that = (JobInput) other;
        return Objects.equals(name, that.name)
                && Objects.equals(data, that.data)
                && Objects.equals(sha256, that.sha256)
                && Objects.equals(url, that.url)
                && Objects.equals(sizeBytes, that.sizeBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, data, sha256, url, sizeBytes);
    }

    @Override
    public String toString() {
        if (isInline()) {
            return "JobInput{name=" + name + ", inline <" + data.length() + " base64 chars>}";
        }
        return "JobInput{name=" + name + ", sha256=" + sha256 + ", url=" + url + ", sizeBytes=" + sizeBytes + "}";
    }
}
