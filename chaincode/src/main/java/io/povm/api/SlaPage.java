// SPDX-License-Identifier: Apache-2.0
package io.povm.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import java.util.List;

/**
 * One page of {@code sla:List}: the SLAs in name and version order, the bookmark of the next page (empty on the last
 * page) and the number of SLAs on this page. {@code {"slas":[...],"bookmark":"","count":2}}
 */
@JsonRootName("slaPage")
@JsonPropertyOrder({"slas", "bookmark", "count"})
public final class SlaPage extends Page<Sla> {
    @JsonProperty("slas")
    private final List<Sla> slas;

    public SlaPage(final List<Sla> slas, final String bookmark) {
        super(slas, bookmark, "slas", "SLAs");
        this.slas = List.copyOf(slas);
    }

    @JsonCreator
    static SlaPage fromJson(
            @JsonProperty("slas") final List<Sla> slas,
            @JsonProperty("bookmark") final String bookmark,
            @JsonProperty("count") final Integer count) {
        return withCount(new SlaPage(slas, bookmark), count, "SLAs");
    }

    public List<Sla> slas() {
        return slas;
    }

    @Override
    public List<Sla> items() {
        return slas;
    }
}
