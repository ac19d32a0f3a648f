//! Sending activation codes when Gaming Goods may refuse some of them.
//!
//! The document gives only `422 BUSINESS_RULE_VIOLATION — rule violation (e.g. duplicate code)`
//! and calls `message` "a developer-friendly description": the wording is not part of the
//! contract, and nothing says which codes were refused. So a refusal is read without depending
//! on its wording:
//!
//! 1. A code we sent that appears in the message as a whole word is refused: it is set aside
//!    and the rest are sent again (a 422 applied nothing, so resending cannot double anything).
//! 2. A message naming none of our codes: the batch is split in halves and each half is sent
//!    on its own, down to single codes; a single code refused is refused. Each refused code
//!    costs about log₂(batch) requests, all paced by the client's limiter.
//! 3. A refusal about the upload rather than a code (a MANUAL listing, say) refuses every
//!    part: with [`Splitting::GiveUpWhenNothingPasses`], once a few single codes are refused and
//!    nothing at all was accepted, splitting stops and the whole remainder is reported as
//!    refused together ([`CodesSent::refused_all`]). A resend after a lost answer uses
//!    [`Splitting::ToTheEnd`]: there, codes refused may be codes that send stored, and only
//!    a refusal of each tells which.
//!
//! Messages carried out of here have every code we sent replaced by `‹code›`: codes are
//! secrets of the seller's stock and never reach a log, a journal's text or a terminal unasked.

use std::collections::VecDeque;
use std::future::Future;

use crate::Error;

/// After this many single codes are refused while nothing was accepted, the refusal is taken
/// to be about the upload, not about codes.
const SINGLES_BEFORE_GIVING_UP: usize = 3;

/// What stands for a code in a message we pass on.
pub const CODE_PLACEHOLDER: &str = "‹code›";

/// How sending a list of codes ended. Every vector holds positions in the list given.
#[derive(Debug)]
pub struct CodesSent<T> {
    /// The marketplace's answers to the requests it accepted, in order.
    pub answers: Vec<T>,
    /// Codes the marketplace accepted.
    pub accepted: Vec<usize>,
    /// Codes refused one by one (named in a refusal, or refused when sent alone): most often
    /// already on the marketplace.
    pub refused: Vec<usize>,
    /// Codes neither accepted nor refused one by one: see `stopped_by`.
    pub unsettled: Vec<usize>,
    /// Why `unsettled` is not empty: another error (their outcome is then that error's: for
    /// `outcome_unknown` some may have been applied), or a refusal of everything
    /// (`refused_all`). Its message has the codes replaced by [`CODE_PLACEHOLDER`].
    pub stopped_by: Option<Error>,
    /// Every part of the upload was refused and no code was named: the refusal is about the
    /// upload as a whole (or every code is already there).
    pub refused_all: bool,
    /// The last refusal's message (codes replaced), to say why codes were refused.
    pub refusal: Option<String>,
    /// Requests sent.
    pub requests: usize,
}

/// How far to split a batch whose refusal names none of its codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Splitting {
    /// Stop when a few single codes are refused and nothing passed: the refusal is taken to be
    /// about the upload. Right for a first send: what is not settled is reported failed.
    GiveUpWhenNothingPasses,
    /// Split down to every single code. For a resend after a lost answer, where a refused code
    /// may be one that send stored (done) and must not be taken for a refusal of everything.
    ToTheEnd,
}

/// Sends `codes` through `send`, setting aside the ones Gaming Goods refuses. Never sends one
/// code twice unless the marketplace refused it (nothing applied). `send` is called with a
/// non-empty list each time.
pub async fn send_setting_refused_aside<T, F, Fut>(codes: &[String], splitting: Splitting, mut send: F) -> CodesSent<T>
where
    F: FnMut(Vec<String>) -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let mut out = CodesSent {
        answers: Vec::new(),
        accepted: Vec::new(),
        refused: Vec::new(),
        unsettled: Vec::new(),
        stopped_by: None,
        refused_all: false,
        refusal: None,
        requests: 0,
    };
    let mut queue: VecDeque<Vec<usize>> = VecDeque::new();
    if !codes.is_empty() {
        queue.push_back((0..codes.len()).collect());
    }
    let mut refused_alone = 0usize;
    while let Some(batch) = queue.pop_front() {
        out.requests += 1;
        match send(batch.iter().map(|&i| codes[i].clone()).collect()).await {
            Ok(answer) => {
                out.accepted.extend(&batch);
                out.answers.push(answer);
            }
            Err(Error::BusinessRule { market, message, fields }) => {
                let sent: Vec<&str> = batch.iter().map(|&i| codes[i].as_str()).collect();
                let named = named_codes(&message, &sent);
                let redacted = redact(&message, &sent);
                out.refusal = Some(redacted.clone());
                if !named.is_empty() {
                    let named: Vec<usize> = named.iter().map(|&k| batch[k]).collect();
                    let rest: Vec<usize> = batch.iter().copied().filter(|i| !named.contains(i)).collect();
                    out.refused.extend(named);
                    if !rest.is_empty() {
                        queue.push_front(rest);
                    }
                } else if batch.len() > 1 {
                    let (first, second) = batch.split_at(batch.len() / 2);
                    queue.push_front(second.to_vec());
                    queue.push_front(first.to_vec());
                } else {
                    out.refused.push(batch[0]);
                    refused_alone += 1;
                    if splitting == Splitting::GiveUpWhenNothingPasses
                        && out.accepted.is_empty()
                        && refused_alone >= SINGLES_BEFORE_GIVING_UP
                    {
                        out.refused_all = true;
                        out.unsettled = std::mem::take(&mut out.refused);
                        out.unsettled.extend(queue.drain(..).flatten());
                        out.stopped_by = Some(Error::BusinessRule { market, message: redacted, fields });
                    }
                }
            }
            Err(e) => {
                out.unsettled = batch;
                out.unsettled.extend(queue.drain(..).flatten());
                let sent: Vec<&str> = out.unsettled.iter().map(|&i| codes[i].as_str()).collect();
                out.stopped_by = Some(redact_error(e, &sent));
            }
        }
    }
    out.accepted.sort_unstable();
    out.refused.sort_unstable();
    out.unsettled.sort_unstable();
    out
}

/// Positions (in `sent`) of the codes that `message` names as whole words: not inside a longer
/// word, and not inside the mention of a longer code we also sent.
pub fn named_codes(message: &str, sent: &[&str]) -> Vec<usize> {
    let spans: Vec<Vec<(usize, usize)>> = sent.iter().map(|code| whole_word_spans(message, code)).collect();
    (0..sent.len())
        .filter(|&k| {
            spans[k].iter().any(|&(start, end)| {
                // Not part of a longer code's mention ("AB" inside "AB-1" when both were sent).
                !spans.iter().enumerate().any(|(j, other)| {
                    j != k
                        && sent[j].len() > sent[k].len()
                        && other.iter().any(|&(s, e)| s <= start && end <= e && (s, e) != (start, end))
                })
            })
        })
        .collect()
}

/// `message` with each of `codes` replaced by [`CODE_PLACEHOLDER`], longest codes first.
pub fn redact(message: &str, codes: &[&str]) -> String {
    let mut sorted: Vec<&str> = codes.iter().copied().filter(|c| !c.is_empty()).collect();
    sorted.sort_by_key(|c| std::cmp::Reverse(c.len()));
    sorted.dedup();
    let mut text = message.to_owned();
    for code in sorted {
        if text.contains(code) {
            text = text.replace(code, CODE_PLACEHOLDER);
        }
    }
    text
}

/// The same error with any of `codes` in its message replaced (a marketplace's text may quote
/// what we sent).
pub fn redact_error(e: Error, codes: &[&str]) -> Error {
    match e {
        Error::BusinessRule { market, message, fields } => {
            Error::BusinessRule { market, message: redact(&message, codes), fields }
        }
        Error::Validation { market, origin, message, fields } => Error::Validation {
            market,
            origin,
            message: redact(&message, codes),
            fields: fields
                .into_iter()
                .map(|f| crate::FieldError::new(f.field.clone(), redact(&f.message, codes)))
                .collect(),
        },
        other => other,
    }
}

/// Byte spans where `code` occurs in `message` with no letter, digit, `-` or `_` right beside it.
fn whole_word_spans(message: &str, code: &str) -> Vec<(usize, usize)> {
    if code.is_empty() {
        return Vec::new();
    }
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
    message
        .match_indices(code)
        .map(|(start, _)| (start, start + code.len()))
        .filter(|&(start, end)| !joins(message[..start].chars().next_back()) && !joins(message[end..].chars().next()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Market;
    use std::cell::RefCell;
    use std::collections::HashSet;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_code_is_named_only_as_a_whole_word() {
        let sent = ["AB", "AB-1", "X_2", "Q"];
        assert_eq!(named_codes("duplicate code: AB-1 is already in your stock", &sent), vec![1]);
        assert_eq!(named_codes("duplicate codes: AB, X_2.", &sent), vec![0, 2]);
        assert_eq!(named_codes("\"Q\" exists", &sent), vec![3]);
        assert!(named_codes("Quite a rule violation", &sent).is_empty());
        assert!(named_codes("rule violation (e.g. duplicate code)", &sent).is_empty());
    }

    #[test]
    fn redaction_replaces_longer_codes_first() {
        assert_eq!(redact("dup: AB-1, AB", &["AB", "AB-1"]), "dup: ‹code›, ‹code›");
        assert_eq!(redact("nothing here", &["AB"]), "nothing here");
    }

    /// A marketplace holding `stock`, refusing a request holding any code of it, in one of three
    /// wordings; records every request.
    struct Market1 {
        stock: RefCell<HashSet<String>>,
        wording: u8,
        requests: RefCell<Vec<Vec<String>>>,
    }

    impl Market1 {
        fn new(stock: &[&str], wording: u8) -> Self {
            Market1 {
                stock: RefCell::new(stock.iter().map(|s| s.to_string()).collect()),
                wording,
                requests: RefCell::new(Vec::new()),
            }
        }
        fn send(&self, batch: Vec<String>) -> Result<usize, Error> {
            self.requests.borrow_mut().push(batch.clone());
            let dups: Vec<&String> = batch.iter().filter(|c| self.stock.borrow().contains(*c)).collect();
            if let Some(first) = dups.first() {
                let message = match self.wording {
                    0 => format!("duplicate codes: {}", dups.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")),
                    1 => format!("duplicate code: {first} is already in your stock"),
                    _ => "rule violation".to_owned(),
                };
                return Err(Error::BusinessRule { market: Market::GamingGoods, message, fields: vec![] });
            }
            self.stock.borrow_mut().extend(batch.iter().cloned());
            Ok(batch.len())
        }
    }

    fn run(m: &Market1, list: &[String]) -> CodesSent<usize> {
        futures::executor::block_on(send_setting_refused_aside(list, Splitting::GiveUpWhenNothingPasses, |b| {
            std::future::ready(m.send(b))
        }))
    }

    #[test]
    fn duplicates_are_found_in_every_wording_and_the_rest_uploaded() {
        let list = codes(&["N1", "D1", "N2", "N3", "D2", "N4", "N5", "N6"]);
        for wording in 0..3 {
            let m = Market1::new(&["D1", "D2"], wording);
            let out = run(&m, &list);
            assert_eq!(out.refused, vec![1, 4], "wording {wording}");
            assert_eq!(out.accepted, vec![0, 2, 3, 5, 6, 7], "wording {wording}");
            assert!(out.unsettled.is_empty() && out.stopped_by.is_none() && !out.refused_all);
            assert_eq!(out.answers.iter().sum::<usize>(), 6);
            // No code was ever accepted twice, and every new code is in stock.
            let stock = m.stock.borrow();
            assert!(["N1", "N2", "N3", "N4", "N5", "N6"].iter().all(|c| stock.contains(*c)));
            if wording != 2 {
                assert!(out.requests <= 3, "named codes cost one request each: {}", out.requests);
            }
            assert!(!out.refusal.unwrap().contains("D1"), "codes are redacted");
        }
    }

    #[test]
    fn a_refusal_of_everything_stops_splitting_early() {
        let list: Vec<String> = (0..500).map(|i| format!("C{i}")).collect();
        let refs: Vec<&str> = list.iter().map(String::as_str).collect();
        let m = Market1::new(&refs, 2);
        let out = run(&m, &list);
        assert!(out.refused_all);
        assert_eq!(out.unsettled.len(), 500);
        assert!(out.accepted.is_empty() && out.refused.is_empty());
        assert!(out.requests <= 14, "{} requests", out.requests);
        assert_eq!(out.stopped_by.unwrap().code(), crate::ErrorCode::BusinessRule);
        // After a lost answer, the same refusals are split to the end: each code is settled.
        let m = Market1::new(&refs, 2);
        let out = futures::executor::block_on(send_setting_refused_aside(&list, Splitting::ToTheEnd, |b| {
            std::future::ready(m.send(b))
        }));
        assert!(!out.refused_all && out.unsettled.is_empty());
        assert_eq!(out.refused.len(), 500);
    }

    #[test]
    fn two_leading_unnamed_duplicates_do_not_look_like_a_refusal_of_everything() {
        let list: Vec<String> = (0..64).map(|i| format!("C{i}")).collect();
        let m = Market1::new(&["C0", "C1"], 2);
        let out = run(&m, &list);
        assert!(!out.refused_all);
        assert_eq!(out.refused, vec![0, 1]);
        assert_eq!(out.accepted.len(), 62);
    }

    #[test]
    fn another_error_leaves_the_rest_unsettled_with_codes_redacted() {
        let list = codes(&["A1", "B2", "C3"]);
        let calls = RefCell::new(0);
        let out = futures::executor::block_on(send_setting_refused_aside(
            &list,
            Splitting::GiveUpWhenNothingPasses,
            |b: Vec<String>| {
                *calls.borrow_mut() += 1;
                std::future::ready(if *calls.borrow() == 1 {
                    Err::<usize, _>(Error::BusinessRule {
                        market: Market::GamingGoods,
                        message: format!("duplicate code {}", b[0]),
                        fields: vec![],
                    })
                } else {
                    Err(Error::Validation {
                        market: Some(Market::GamingGoods),
                        origin: crate::error::Origin::Remote,
                        message: "B2 is malformed".into(),
                        fields: vec![],
                    })
                })
            },
        ));
        assert_eq!(out.refused, vec![0]);
        assert_eq!(out.unsettled, vec![1, 2]);
        assert!(!out.stopped_by.unwrap().to_string().contains("B2"));
    }
}
