package org.follicle.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Which page of a list to return: {@code page} from 0, {@code size} from 1 to 100 (default 20).
 */
public record PageQuery(@Min(0) Integer page, @Min(1) @Max(100) Integer size) {

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    public static PageQuery first(int size) {
        return new PageQuery(0, size);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> ApiPage<T> page(java.util.List<T> items, long total) {
        return new ApiPage<>(items, page, size, total);
    }
}
