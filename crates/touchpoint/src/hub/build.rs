//! `touchpoint build` on a hub: every community's tree under `{community}/`, and the hub's own
//! pages at the root ([`touchpoint_site::hub::export`]). Outside calendars come from the hub's
//! store, each community's under its own keys ([`super::scoped`]).

use std::process::ExitCode;

use anyhow::Context;
use jiff::Timestamp;
use touchpoint_site::Site;
use touchpoint_site::hub::{Hub, HubMember};
use touchpoint_store::Bodies;

use super::scoped::records_of;
use super::{Layout, Member, load_members};
use crate::app::{self, Invalid};
use crate::cli::BuildArgs;
use crate::cmd::build::write;

/// Run `touchpoint build` on the hub `layout`. A community whose file has errors is reported
/// and left out; the others are written.
pub fn run(layout: Layout, args: BuildArgs) -> anyhow::Result<ExitCode> {
    if !layout.problems.is_empty() {
        anyhow::bail!("{}", app::report(&layout.problems));
    }
    let members = load_members(&layout, &args.config);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let records = runtime.block_on(async {
        let store = app::open_store(&args.store).await?;
        store
            .list(Bodies::Include)
            .await
            .context("cannot read the stored calendars")
    })?;
    let base = args.base_url.as_deref().map(|b| b.trim_end_matches('/'));
    let base_path = match base {
        Some(url) => url::Url::parse(url)
            .with_context(|| format!("--base-url {url:?}"))?
            .path()
            .trim_end_matches('/')
            .to_owned(),
        None => String::new(),
    };
    let mut broken = 0;
    let mut sites: Vec<(String, Option<Site>)> = Vec::new();
    for Member { id, file, loaded } in members {
        match loaded {
            Ok(loaded) => {
                app::print_warnings(&loaded);
                let mut site = app::site_from_records(&loaded, &records_of(&records, &id));
                match base {
                    Some(url) => site
                        .set_public_url(&format!("{url}/{id}/"))
                        .map_err(|e| anyhow::anyhow!("--base-url: {e}"))?,
                    None => site.base_path = format!("/{id}"),
                }
                sites.push((id, Some(site)));
            }
            Err(Invalid(diagnostics)) => {
                broken += 1;
                eprintln!(
                    "{}\ncommunity {id:?} ({}) is left out: its file has errors",
                    app::report(&diagnostics),
                    file.display()
                );
                sites.push((id, None));
            }
        }
    }
    let members: Vec<HubMember<'_>> = sites
        .iter()
        .map(|(id, site)| HubMember {
            id,
            site: site.as_ref(),
        })
        .collect();
    let hub = Hub {
        info: &layout.info,
        base_path: &base_path,
        members: &members,
    };
    let files = touchpoint_site::hub::export(&hub, args.now.unwrap_or_else(Timestamp::now));
    write(&args.out, &files)?;
    eprintln!(
        "wrote {} files of {} communities to {}",
        files.len(),
        members.len() - broken,
        args.out.display()
    );
    Ok(if broken == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
