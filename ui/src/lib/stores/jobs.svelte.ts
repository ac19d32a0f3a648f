// Bulk jobs of the active profile: the list (reloaded from the journals), live progress from
// `job-progress` events, and start / resume / cancel / retry. A job runs inside `job_run`, which
// resolves when it ends (finished, paused by Cancel, or stopped by the marketplace).

import * as ipc from "../ipc";
import type { JobProgress, JobSpec, JobSummary } from "../types";
import { toasts } from "./toasts.svelte";
import { t, tp } from "../i18n/index.svelte";
import { jobTitle } from "../jobs";

class Jobs {
  profileId = $state<string | null>(null);
  list = $state<JobSummary[]>([]);
  loading = $state(false);
  /** The latest progress of each job running in this window. */
  progress = $state<Record<string, JobProgress>>({});
  /** Jobs whose Cancel was pressed and that have not stopped yet. */
  cancelling = $state<Record<string, boolean>>({});
  /** Counts jobs that ended in this window: screens reload their data when it changes. */
  ended = $state(0);
  /** The job whose results are shown. */
  resultsOf = $state<string | null>(null);
  #listening = false;

  async listen(): Promise<void> {
    if (this.#listening) return;
    this.#listening = true;
    try {
      await ipc.onJobProgress((p) => {
        this.progress = { ...this.progress, [p.job_id]: p };
      });
    } catch {
      this.#listening = false;
    }
  }

  async load(profileId: string): Promise<void> {
    void this.listen();
    if (this.profileId !== profileId) this.list = [];
    this.profileId = profileId;
    this.loading = true;
    try {
      const list = await ipc.jobsList(profileId);
      if (this.profileId === profileId) this.list = list;
    } catch (e) {
      toasts.error(e, t("Jobs could not be listed"));
    } finally {
      this.loading = false;
    }
  }

  #patch(job: JobSummary): void {
    const i = this.list.findIndex((j) => j.id === job.id);
    this.list = i < 0 ? [job, ...this.list] : this.list.map((j) => (j.id === job.id ? job : j));
  }

  /** Runs (or resumes) a job; resolves when it ends. */
  async run(profileId: string, job: JobSummary): Promise<void> {
    this.#patch({ ...job, status: "running" });
    try {
      const end = await ipc.jobRun(profileId, job.id);
      if (end.status === "finished") {
        const failed = end.failed > 0 ? t(", {n} failed", { n: end.failed }) : "";
        toasts.success(tp(end.total, "{title}: {done} of {n} step done", "{title}: {done} of {n} steps done", { title: jobTitle(end), done: end.done }) + failed);
      } else if (end.status === "paused") toasts.info(t("{title} paused", { title: jobTitle(end) }), t("Resume goes on where it stopped."));
    } catch (e) {
      toasts.error(e, t("{title} stopped", { title: jobTitle(job) }));
    } finally {
      delete this.cancelling[job.id];
      this.ended += 1;
      if (this.profileId) await this.load(this.profileId);
    }
  }

  /** Creates a job from a spec and starts it. */
  async start(profileId: string, spec: JobSpec): Promise<JobSummary> {
    const job = await ipc.jobCreate(profileId, spec);
    this.#patch(job);
    void this.run(profileId, job);
    return job;
  }

  async cancel(jobId: string): Promise<void> {
    this.cancelling = { ...this.cancelling, [jobId]: true };
    try {
      await ipc.jobCancel(jobId);
    } catch (e) {
      toasts.error(e, t("Could not cancel"));
    }
  }

  async retryFailed(profileId: string, jobId: string): Promise<void> {
    try {
      const job = await ipc.jobRetryFailed(profileId, jobId);
      this.#patch(job);
      void this.run(profileId, job);
    } catch (e) {
      toasts.error(e, t("Could not retry the failed steps"));
    }
  }
}

export const jobs = new Jobs();
