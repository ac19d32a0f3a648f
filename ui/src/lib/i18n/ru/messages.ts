// The messages of the marketplace and keychain errors, by their English templates
// (bindings/errorTemplates.ts, generated from markets::MESSAGE_TEMPLATES,
// profiles::KEYCHAIN_TEMPLATES and the shell's): the shell sends each error's template and values
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
  "dry run: the input is valid and {market} would now be sent `{operation}`; nothing was sent":
    "пробный прогон: данные верны, и сейчас {market} был бы отправлен запрос `{operation}`; ничего не отправлено",
  "cannot reach {market} at {url}: {detail}. Check the internet connection and the profile's base URL.":
    "не удаётся связаться с {market} по адресу {url}: {detail}. Проверьте подключение к интернету и базовый URL профиля.",
  "{market} answered HTTP {status} with a body Seller Desk could not read (at `{json_path}`: {detail}). The API may have changed; please report this.":
    "{market} ответил HTTP {status} с телом, которое Seller Desk не смог прочитать (в `{json_path}`: {detail}). Возможно, API изменился; пожалуйста, сообщите об этом.",
  "{message}": "{message}",
  // The keychain (profiles::KEYCHAIN_TEMPLATES).
  "no key stored for profile {profile}: add it again with `sellerdesk profile set-key {profile_word}`":
    "для профиля {profile} не сохранён ключ: добавьте его снова командой `sellerdesk profile set-key {profile_word}`",
  "the keychain cannot be reached: there is no D-Bus session bus ({detail}). Seller Desk keeps API keys only in the system keychain (Secret Service): run it inside your desktop session; on a server or in CI start a session with `dbus-run-session` and unlock gnome-keyring in it (`gnome-keyring-daemon --unlock`)":
    "хранилище ключей недоступно: нет сеансовой шины D-Bus ({detail}). Seller Desk хранит API-ключи только в системном хранилище (Secret Service): запускайте его в своём сеансе рабочего стола; на сервере или в CI начните сеанс командой `dbus-run-session` и разблокируйте в нём gnome-keyring (`gnome-keyring-daemon --unlock`)",
  "no keychain service is running: nothing provides org.freedesktop.secrets on the D-Bus session bus. Install and start a Secret Service, such as gnome-keyring (package gnome-keyring) or KeePassXC with its Secret Service integration enabled":
    "служба хранилища ключей не запущена: никто не предоставляет org.freedesktop.secrets на сеансовой шине D-Bus. Установите и запустите Secret Service, например gnome-keyring (пакет gnome-keyring) или KeePassXC с включённой интеграцией Secret Service",
  "the keychain has no unlocked default keyring: it was never created or never unlocked in this session. Log in to your desktop session (it unlocks the login keyring), or create and unlock one with Seahorse (\"Passwords and Keys\"); without a desktop, start gnome-keyring with `gnome-keyring-daemon --unlock`. Then try again":
    "в хранилище нет разблокированной связки ключей по умолчанию: её не создали или не разблокировали в этом сеансе. Войдите в сеанс рабочего стола (он разблокирует связку входа) или создайте и разблокируйте связку в Seahorse («Пароли и ключи»); без рабочего стола запустите gnome-keyring командой `gnome-keyring-daemon --unlock`. Затем повторите",
  "the keychain is locked ({detail}): unlock it (your desktop's keyring prompt, or Seahorse \"Passwords and Keys\") and try again":
    "хранилище ключей заблокировано ({detail}): разблокируйте его (запрос связки ключей рабочего стола или Seahorse «Пароли и ключи») и повторите",
  "the system keychain refused access ({detail}): unlock it and allow Seller Desk to use it, then try again":
    "системное хранилище ключей отказало в доступе ({detail}): разблокируйте его и разрешите Seller Desk им пользоваться, затем повторите",
  "the keychain entry for profile {profile} is not text: store the key again with `sellerdesk profile set-key {profile_word}`":
    "запись хранилища для профиля {profile} — не текст: сохраните ключ снова командой `sellerdesk profile set-key {profile_word}`",
  "the keychain holds {count} entries for profile {profile}: delete them in your keychain manager (service \"{service}\"), then store the key again with `sellerdesk profile set-key {profile_word}`":
    "в хранилище {count} записей для профиля {profile}: удалите их в менеджере ключей (служба «{service}»), затем сохраните ключ снова командой `sellerdesk profile set-key {profile_word}`",
  "the keychain rejected the key: {detail}": "хранилище ключей не приняло ключ: {detail}",
  "the system keychain failed: {detail}. Check that it is running and unlocked, then try again":
    "сбой системного хранилища ключей: {detail}. Проверьте, что оно запущено и разблокировано, затем повторите",
  // The app's own (src-tauri error.rs, SHELL_TEMPLATES).
  "the key of profile \"{profile}\" was not sent to {host}: that host is not {market}'s and you have not confirmed it; open the profile's settings and save its base URL again to confirm it":
    "ключ профиля «{profile}» не отправлен на {host}: это не сервер {market}, и вы его не подтверждали; откройте настройки профиля и сохраните его базовый URL снова, чтобы подтвердить",
  "the base URL of \"{profile}\" was not changed: sending its key to {host} was not confirmed":
    "базовый URL профиля «{profile}» не изменён: отправка его ключа на {host} не подтверждена",
  "that file was not chosen in the open dialog or dropped on the window: choose it again":
    "этот файл не выбран в окне открытия и не перетащен в окно: выберите его снова",
  "no place to save was chosen in the save dialog: choose it again": "место сохранения не выбрано в окне сохранения: выберите его снова",
  "no API key is stored for profile {profile}: open the profile's settings and use \"Replace key\" to store it again":
    "для профиля {profile} не сохранён API-ключ: откройте настройки профиля и сохраните его снова кнопкой «Заменить ключ»",
  "the keychain entry of profile {profile} cannot be used ({problem}); open the profile's settings and use \"Replace key\" to store it again":
    "запись хранилища для профиля {profile} нельзя использовать ({problem}); откройте настройки профиля и сохраните ключ снова кнопкой «Заменить ключ»",
};
