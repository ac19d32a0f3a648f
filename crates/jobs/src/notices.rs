//! The texts of the desktop notifications (a bulk job ended; GGChest orders wait for delivery),
//! in the UI's language: English or Russian. Plain text, built here so that the shell only shows
//! it and the CLI or tests can use the same words.

use crate::{JobKind, JobState, JobStatus};

/// The language of the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ru,
}

/// The environment variables that name the OS language, in the order they are consulted.
pub const LANGUAGE_VARS: [&str; 4] = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// The UI setting `language`: `"en"`, `"ru"`, or `"system"` (also anything else or none),
    /// which follows the OS language.
    pub fn from_setting(setting: Option<&str>) -> Lang {
        match setting.map(str::trim) {
            Some(s) if s.eq_ignore_ascii_case("ru") => Lang::Ru,
            Some(s) if s.eq_ignore_ascii_case("en") => Lang::En,
            _ => Lang::system(),
        }
    }

    /// The OS language: the first of `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` that is set;
    /// Russian when it starts with `ru`, else English.
    pub fn system() -> Lang {
        Lang::from_env(|name| std::env::var(name).ok())
    }

    /// [`Lang::system`] over any lookup of the variables (tests).
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        let first = LANGUAGE_VARS.iter().filter_map(|v| get(v)).find(|v| !v.trim().is_empty());
        match first {
            Some(v) if v.trim().to_ascii_lowercase().starts_with("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }
}

/// One notification: a title and a line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// What a job does, for people.
pub fn job_title(kind: JobKind, lang: Lang) -> &'static str {
    use JobKind as K;
    match (lang, kind) {
        (Lang::En, K::GgUploadCodes) => "Upload codes",
        (Lang::En, K::GgAddOffers) => "Add offers",
        (Lang::En, K::GgReprice | K::GgcReprice) => "Reprice offers",
        (Lang::En, K::GgcActivate) => "Activate offers",
        (Lang::En, K::GgcDraft) => "Set offers to draft",
        (Lang::En, K::GgcDelete) => "Delete offers",
        (Lang::En, K::GgcCreate) => "Create offers",
        (Lang::En, K::GgcImportAccounts) => "Import accounts",
        (Lang::En, K::Retry) => "Retry failed steps",
        (Lang::Ru, K::GgUploadCodes) => "Загрузка кодов",
        (Lang::Ru, K::GgAddOffers) => "Добавление предложений",
        (Lang::Ru, K::GgReprice | K::GgcReprice) => "Изменение цен",
        (Lang::Ru, K::GgcActivate) => "Активация предложений",
        (Lang::Ru, K::GgcDraft) => "Перевод предложений в черновики",
        (Lang::Ru, K::GgcDelete) => "Удаление предложений",
        (Lang::Ru, K::GgcCreate) => "Создание предложений",
        (Lang::Ru, K::GgcImportAccounts) => "Импорт аккаунтов",
        (Lang::Ru, K::Retry) => "Повтор неудачных шагов",
    }
}

/// A run of a job ended: finished (every step done or failed), paused by the seller, or stopped
/// (the marketplace stopped answering; the job stays resumable). Counts are items (codes,
/// offers, accounts), as the jobs panel shows them.
pub fn job_ended(lang: Lang, job: &JobState) -> Notice {
    let kind = job_title(job.header.kind, lang);
    let total: usize = job.steps.iter().map(|s| s.items).sum();
    let (done, failed) = (job.items_done(), job.items_failed());
    let title = match (lang, job.status) {
        (Lang::En, JobStatus::Finished) => format!("Job finished: {kind}"),
        (Lang::En, JobStatus::Paused) => format!("Job paused: {kind}"),
        (Lang::En, JobStatus::Interrupted) => format!("Job stopped: {kind}"),
        (Lang::Ru, JobStatus::Finished) => format!("Задание завершено: {kind}"),
        (Lang::Ru, JobStatus::Paused) => format!("Задание приостановлено: {kind}"),
        (Lang::Ru, JobStatus::Interrupted) => format!("Задание остановлено: {kind}"),
    };
    let mut body = match lang {
        Lang::En => format!("{done} done, {failed} failed"),
        Lang::Ru => format!("выполнено: {done}, с ошибкой: {failed}"),
    };
    if job.status != JobStatus::Finished {
        body.push_str(&match lang {
            Lang::En => format!(" of {total}; resume it in the jobs panel"),
            Lang::Ru => format!(" из {total}; продолжить можно на панели заданий"),
        });
    }
    Notice { title, body: format!("{} · {body}", job.header.profile) }
}

/// A run of a job failed with an error before it could settle (its journal could not be read
/// or written, …): the message says why.
pub fn job_failed(lang: Lang, kind: JobKind, profile: &str, message: &str) -> Notice {
    let kind = job_title(kind, lang);
    let title = match lang {
        Lang::En => format!("Job stopped: {kind}"),
        Lang::Ru => format!("Задание остановлено: {kind}"),
    };
    Notice { title, body: format!("{profile} · {message}") }
}

/// What a poll of a profile's orders found worth telling (see `orders_watch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrdersNews {
    /// The first poll of this profile since the app started: `new` counts every waiting order.
    pub first: bool,
    /// Orders not told about before.
    pub new: u64,
    /// Every order waiting for delivery now (the marketplace's count when it gives one).
    pub waiting: u64,
}

/// GGChest orders wait for the seller to deliver them.
pub fn orders_waiting(lang: Lang, profile: &str, news: &OrdersNews) -> Notice {
    let title = match lang {
        Lang::En => format!("GGChest orders · {profile}"),
        Lang::Ru => format!("Заказы GGChest · {profile}"),
    };
    let n = news.new;
    let body = match (lang, news.first) {
        (Lang::En, true) => format!("{n} {} for delivery", en_plural(n, "order waits", "orders wait")),
        (Lang::En, false) => {
            format!("{n} new {} for delivery ({} in all)", en_plural(n, "order waits", "orders wait"), news.waiting)
        }
        (Lang::Ru, true) => {
            format!(
                "{n} {} {} доставки",
                ru_plural(n, "заказ", "заказа", "заказов"),
                ru_plural(n, "ждёт", "ждут", "ждут")
            )
        }
        (Lang::Ru, false) => format!(
            "{n} {} {} {} доставки (всего {})",
            ru_plural(n, "новый", "новых", "новых"),
            ru_plural(n, "заказ", "заказа", "заказов"),
            ru_plural(n, "ждёт", "ждут", "ждут"),
            news.waiting
        ),
    };
    Notice { title, body }
}

fn en_plural(n: u64, one: &'static str, other: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        other
    }
}

/// Russian plural forms: 1, 21 → one; 2–4, 22–24 → few; 0, 5–20, 25 … → many.
fn ru_plural(n: u64, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    let (d, h) = (n % 10, n % 100);
    if d == 1 && h != 11 {
        one
    } else if (2..=4).contains(&d) && !(12..=14).contains(&h) {
        few
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn the_language_follows_the_setting_then_the_os() {
        assert_eq!(Lang::from_setting(Some("ru")), Lang::Ru);
        assert_eq!(Lang::from_setting(Some("en")), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
        assert_eq!(Lang::from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        // The first variable set wins: LANGUAGE, LC_ALL, LC_MESSAGES, LANG.
        assert_eq!(Lang::from_env(env(&[("LANGUAGE", "ru:en"), ("LANG", "en_US.UTF-8")])), Lang::Ru);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", "C.UTF-8"), ("LANG", "ru_RU.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANGUAGE", ""), ("LC_MESSAGES", "ru_UA")])), Lang::Ru);
    }

    #[test]
    fn orders_texts_count_in_both_languages() {
        let first = |n| OrdersNews { first: true, new: n, waiting: n };
        assert_eq!(orders_waiting(Lang::En, "Shop", &first(1)).body, "1 order waits for delivery");
        assert_eq!(orders_waiting(Lang::En, "Shop", &first(2)).body, "2 orders wait for delivery");
        assert_eq!(orders_waiting(Lang::En, "Shop", &first(2)).title, "GGChest orders · Shop");
        let later = OrdersNews { first: false, new: 1, waiting: 3 };
        assert_eq!(orders_waiting(Lang::En, "Shop", &later).body, "1 new order waits for delivery (3 in all)");
        assert_eq!(orders_waiting(Lang::Ru, "Shop", &first(1)).body, "1 заказ ждёт доставки");
        assert_eq!(orders_waiting(Lang::Ru, "Shop", &first(3)).body, "3 заказа ждут доставки");
        assert_eq!(orders_waiting(Lang::Ru, "Shop", &first(11)).body, "11 заказов ждут доставки");
        assert_eq!(orders_waiting(Lang::Ru, "Shop", &first(21)).body, "21 заказ ждёт доставки");
        let later = OrdersNews { first: false, new: 2, waiting: 5 };
        assert_eq!(orders_waiting(Lang::Ru, "Shop", &later).body, "2 новых заказа ждут доставки (всего 5)");
    }

    #[test]
    fn job_titles_exist_in_both_languages() {
        assert_eq!(job_title(JobKind::GgUploadCodes, Lang::En), "Upload codes");
        assert_eq!(job_title(JobKind::GgUploadCodes, Lang::Ru), "Загрузка кодов");
    }
}
