// Shared components (lib/components): codes box, dialogs, banners, progress, toasts.
export default {
  "{n} code added|{n} codes added": "добавлен {n} код|добавлено {n} кода|добавлено {n} кодов",
  "{n} duplicate in the file removed|{n} duplicates in the file removed":
    "удалён {n} дубликат в файле|удалено {n} дубликата в файле|удалено {n} дубликатов в файле",
  "Could not import the file": "Не удалось импортировать файл",
  "Could not open the file dialog": "Не удалось открыть окно выбора файла",
  "Drop a .txt or .csv file to add its codes": "Перетащите файл .txt или .csv, чтобы добавить коды из него",
  "One code per line (or paste a CSV: the first column is read)":
    "По одному коду в строке (или вставьте CSV: читается первый столбец)",
  "Import .txt / .csv…": "Импорт .txt / .csv…",
  "or drop a file on the box": "или перетащите файл в поле",
  "Show the duplicates": "Показать дубликаты",
  "… and {n} more": "… и ещё {n}",
  Delete: "Удалить",
  Close: "Закрыть",
  "File not taken": "Файл не принят",
  Retry: "Повторить",
  Dismiss: "Скрыть",
  "Running operations": "Выполняемые операции",
} satisfies Record<string, string>;
