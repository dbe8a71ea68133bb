package vn.nq57.catalogue;

import java.util.List;

/**
 * The hook for the money issue: published (a Spring application event, in the ordering transaction) when DoST
 * orders a selected big problem and its tasks exist. The funding module listens to it and drafts one funding
 * proposal per task from {@code costEstimate}; until it is merged nobody listens and ordering still creates the
 * tasks.
 *
 * @param costEstimate the problem's cost estimate in đồng (null when none)
 */
public record BigProblemOrdered(long problemId, String title, long planId, List<Long> taskIds, Long leadAgencyId,
		Long costEstimate) {
}
