// The audit log: every change sent to a marketplace.
export default {
  "The audit log could not be read": "Не удалось прочитать журнал",
  "{n} audit entry exported|{n} audit entries exported":
    "Экспортирована {n} запись журнала|Экспортировано {n} записи журнала|Экспортировано {n} записей журнала",
  "Audit log not exported": "Журнал не экспортирован",
  "All profiles": "Все профили",
  "Search: offer id, endpoint, job, profile…": "Поиск: ID предложения, метод API, задание, профиль…",
  "{matched} of {n} entry|{matched} of {n} entries": "{matched} из {n} записи|{matched} из {n} записей|{matched} из {n} записей",
  When: "Когда",
  Profile: "Профиль",
  Endpoint: "Метод API",
  Target: "Объект",
  "Before → after": "Было → стало",
  "job {id} #{step}": "задание {id}, шаг {step}",
  "No entry matches.": "Подходящих записей нет.",
  "No change has been sent yet.": "Изменений ещё не отправлялось.",
} satisfies Record<string, string>;
