package org.follicle.system;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list on the JSON API.
 *
 * @param items the records of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many records match in all, or, when {@code totalCapped}, the number counted before counting
 *        stopped (a very wide search is not counted to the end: it would cost more than the page itself)
 * @param totalCapped whether more records match than {@code total}
 */
public record ApiPage<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

    public ApiPage(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    public <R> ApiPage<R> map(Function<T, R> mapper) {
        return new ApiPage<>(items.stream().map(mapper).toList(), page, size, total, totalCapped);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
