// Shared logic that produces UI text: amounts, codes files, bulk-job helpers, files, stores.
export default {
  // lib/money.ts
  "Enter an amount, such as 17.99": "Введите сумму, например 17.99",
  '"{s}" is not an amount: use digits and a point, such as 17.99': "«{s}» — не сумма: используйте цифры и точку, например 17.99",
  '"{s}" has {n} decimals; at most 2 are allowed': "В «{s}» знаков после точки: {n}; допускается не больше 2",
  '"{s}" is too large': "«{s}» — слишком большая сумма",
  "The amount must be more than 0": "Сумма должна быть больше 0",
  "Enter a price, such as 12.99": "Введите цену, например 12.99",
  "At most {n} characters": "Не больше {n} символов",
  "Use a point as the decimal separator, such as 12.99": "Дробную часть отделяйте точкой, например 12.99",
  "At most 2 decimals": "Не больше 2 знаков после точки",
  "Digits with up to 2 decimals, such as 12.99 (pattern {pattern})":
    "Цифры и до 2 знаков после точки, например 12.99 (шаблон {pattern})",
  // lib/codes.ts
  "{n} line|{n} lines": "{n} строка|{n} строки|{n} строк",
  "{n} code|{n} codes": "{n} код|{n} кода|{n} кодов",
  "{n} duplicate removed|{n} duplicates removed": "удалён {n} дубликат|удалено {n} дубликата|удалено {n} дубликатов",
  "{n} blank line skipped|{n} blank lines skipped":
    "пропущена {n} пустая строка|пропущено {n} пустые строки|пропущено {n} пустых строк",
  "header skipped": "заголовок пропущен",
  // lib/jobs.ts
  "{s} s": "{s} с",
  "{m} min {s} s": "{m} мин {s} с",
  "{h} h {m} min": "{h} ч {m} мин",
  Queued: "В очереди",
  Running: "Выполняется",
  Paused: "Приостановлено",
  Interrupted: "Прервано",
  Finished: "Завершено",
  Done: "Готово",
  Failed: "Ошибка",
  Unknown: "Неизвестно",
  Pending: "Ожидает",
  "Not sent": "Не отправлено",
  "Enter a number": "Введите число",
  "The price must be above 0": "Цена должна быть больше 0",
  "Enter a price above 0, or leave empty": "Введите цену больше 0 или оставьте пустым",
  "The floor is above the ceiling": "Нижняя граница выше верхней",
  // lib/native.svelte.ts
  "Drop one file at a time.": "Перетаскивайте по одному файлу.",
  'This area takes {extensions} files, not "{name}".': "Сюда можно перетащить файлы {extensions}, а не «{name}».",
  // lib/stores
  "Starting…": "Запуск…",
  // What a progress count counts (operations.svelte.ts, progressLabel).
  products: "товаров",
  offers: "предложений",
  orders: "заказов",
  codes: "кодов",
  "offers activated": "предложений активировано",
  "offers moved to draft": "предложений переведено в черновики",
  "offers deleted": "предложений удалено",
  "Cancelling…": "Отмена…",
  "Jobs could not be listed": "Не удалось получить список заданий",
  ", {n} failed": ", с ошибкой: {n}",
  "{title}: {done} of {n} step done|{title}: {done} of {n} steps done":
    "{title}: выполнено {done} из {n} шага|{title}: выполнено {done} из {n} шагов|{title}: выполнено {done} из {n} шагов",
  "{title} paused": "{title}: приостановлено",
  "Resume goes on where it stopped.": "«Продолжить» возобновит с места остановки.",
  "{title} stopped": "{title}: остановлено",
  "Could not cancel": "Не удалось отменить",
  "Could not retry the failed steps": "Не удалось повторить шаги с ошибкой",
} satisfies Record<string, string>;
