// The marketplace errors' messages, by their English templates (bindings/errorTemplates.ts,
// generated from markets::MESSAGE_TEMPLATES): the shell sends each error's template and values
// beside its English message (CommandError.text), and errors.ts fills the translation. The
// values stay as the marketplace or the system gave them. The catalog test checks that every
// template has an entry here.
export default {
  "{market} rejected the API key ({message}). Check the key in the profile, or ask {market} support for a new one.":
    "{market} отклонил API-ключ ({message}). Проверьте ключ в профиле или запросите новый в поддержке {market}.",
  "{market} refused this action ({message}): the key works but is not allowed to do this.":
    "{market} не разрешил это действие ({message}): ключ действует, но прав на это не даёт.",
  "{market}: {what} was not found. It may have been deleted, or it belongs to another seller.":
    "{market}: не найдено — {what}. Возможно, это удалено или принадлежит другому продавцу.",
  "invalid input, nothing was sent{fields}": "неверные данные, ничего не отправлено{fields}",
  "{message} (nothing was sent){fields}": "{message} (ничего не отправлено){fields}",
  "the marketplace rejected the request: {message}{fields}": "маркетплейс отклонил запрос: {message}{fields}",
  "{market} refused it: {message}": "{market} отказал: {message}",
  "{market} rate limit reached; wait and try again (Seller Desk paces requests to the documented limit, so another program may be using the same key).":
    "Достигнут лимит запросов {market}; подождите и повторите (Seller Desk держится документированного лимита, так что этот же ключ, возможно, использует другая программа).",
  "{market} rate limit reached (retry after {seconds} s); wait and try again (Seller Desk paces requests to the documented limit, so another program may be using the same key).":
    "Достигнут лимит запросов {market} (повтор через {seconds} с); подождите и повторите (Seller Desk держится документированного лимита, так что этот же ключ, возможно, использует другая программа).",
  "{market} is unavailable (HTTP {status}). Try again later.": "{market} недоступен (HTTP {status}). Повторите позже.",
  "{market} is unavailable (HTTP {status}): {message}. Try again later.": "{market} недоступен (HTTP {status}): {message}. Повторите позже.",
  "{market}: no clear answer came after `{operation}` was sent ({detail}), so it may or may not have been applied. It was not repeated, to avoid doing it twice: check your {market} listings before trying again.":
    "{market}: после отправки `{operation}` не пришло ясного ответа ({detail}), поэтому неизвестно, применено ли действие. Оно не повторялось, чтобы не выполнить его дважды: проверьте свои предложения на {market}, прежде чем пробовать снова.",
  "cannot reach {market} at {url}: {detail}. Check the internet connection and the profile's base URL.":
    "не удаётся связаться с {market} по адресу {url}: {detail}. Проверьте подключение к интернету и базовый URL профиля.",
  "{market} answered HTTP {status} with a body Seller Desk could not read (at `{json_path}`: {detail}). The API may have changed; please report this.":
    "{market} ответил HTTP {status} с телом, которое Seller Desk не смог прочитать (в `{json_path}`: {detail}). Возможно, API изменился; пожалуйста, сообщите об этом.",
  "{message}": "{message}",
};
