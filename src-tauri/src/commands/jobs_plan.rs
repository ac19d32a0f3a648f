//! `job_preview` and `job_create`: `desk::job_plan` with files given by handle (from
//! `pick_open_file` or a drop). Nothing is sent to the marketplace until `job_run`.

use desk::job_plan::{self, InputFiles, Planned, Reader};
pub use desk::job_plan::{AdjustKind, JobSpec, OfferSelection, PriceRuleSpec};
use jobs::plan;
use markets::Market;

use super::{
    files::readable,
    gg_client, ggc_client,
    job_views::{JobPlan, JobSummary},
    profile_for, Ctx,
};
use crate::error::CommandResult;

/// Files named by the handles the user gave.
struct Handles<'a, 'c>(&'a Ctx<'c>);

impl InputFiles for Handles<'_, '_> {
    fn read_text(&self, file: &str) -> desk::Result<String> {
        desk::read_text_file(&readable(self.0, file)?)
    }

    fn name(&self, file: &str) -> String {
        readable(self.0, file).map(|p| desk::file_name(&p)).unwrap_or_else(|_| file.to_owned())
    }
}

async fn planned(ctx: &Ctx<'_>, profile_id: &str, spec: &JobSpec) -> CommandResult<Planned> {
    match spec.market() {
        Market::GamingGoods => {
            let client = gg_client(ctx, profile_id).await?;
            job_plan::plan(spec, &Handles(ctx), Reader::Gg(&client)).await
        }
        Market::GgChest => {
            let client = ggc_client(ctx, profile_id).await?;
            job_plan::plan(spec, &Handles(ctx), Reader::Ggc(&client)).await
        }
    }
}

/// What `spec` would do on this profile: steps, items and the first steps' names.
pub async fn job_preview(ctx: &Ctx<'_>, profile_id: String, spec: JobSpec) -> CommandResult<JobPlan> {
    profile_for(ctx, &profile_id, spec.market()).await?;
    let planned = planned(ctx, &profile_id, &spec).await?;
    Ok(planned.preview())
}

/// Plans `spec` and writes the new job's journal, every step queued; `job_run` sends them.
pub async fn job_create(ctx: &Ctx<'_>, profile_id: String, spec: JobSpec) -> CommandResult<JobSummary> {
    let profile = profile_for(ctx, &profile_id, spec.market()).await?;
    let planned = planned(ctx, &profile_id, &spec).await?;
    let target = plan::Target { market: profile.market, base_url: profile.base_url.clone(), profile: profile.name };
    let key = if planned.needs_journal_key() { Some(ctx.state.jobs.journal_key_for_new_job().await?) } else { None };
    let (_, path) = job_plan::create(ctx.state.jobs.data_dir(), planned, &target, key.as_ref())?;
    let job = jobs::JobState::load(&path)?;
    // The UI runs it next; a Cancel from now on stops it, even before `job_run` registers it.
    ctx.state.jobs.prepare(&job.header.id);
    Ok(JobSummary::of(&job, false))
}
