"""The supervisor's order of work: a freed worker gets its next job before the parent files the result it
sent (issue 18: the worker does not wait while the parent writes state), and the caller hears of each job
starting after the results before it were filed (a progress line names the file being processed)."""

from __future__ import annotations

from policy_extract.batch.workers import Limits, Supervisor


def test_a_freed_worker_runs_its_next_job_while_the_result_is_filed_and_progress_names_the_running_file() -> None:
    events: list[str] = []
    running_at_done: list[list[object]] = []
    with Supervisor(str.upper, Limits(), 1) as supervisor:

        def on_done(job: object, result: object) -> None:
            running_at_done.append([w.job for w in supervisor.busy])
            events.append(f"done {job}={result}")

        supervisor.run(["a", "b", "c"], on_done, lambda job: events.append(f"start {job}"))
    assert events == ["start a", "done a=A", "start b", "done b=B", "start c", "done c=C"]
    assert running_at_done == [["b"], ["c"], []]
