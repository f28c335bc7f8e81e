package dev.cfcheck.probes.cfapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The paging of a list answer ({@code result_info}); {@code total_pages} may be absent in older answers. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ResultInfo(
        Integer page,
        @JsonProperty("per_page") Integer perPage,
        Integer count,
        @JsonProperty("total_count") Integer totalCount,
        @JsonProperty("total_pages") Integer totalPages) {

    /** The number of pages, from {@code total_pages} or else from the counts; 1 when nothing says. */
    int pages() {
        if (totalPages != null) {
            return totalPages;
        }
        if (totalCount != null && perPage != null && perPage > 0) {
            return (totalCount + perPage - 1) / perPage;
        }
        return 1;
    }
}
