// Shared components (lib/components): codes box, dialogs, banners, progress, toasts.
export default {
  "{n} code added|{n} codes added": "добавлен {n} код|добавлено {n} кода|добавлено {n} кодов",
  "{n} duplicate in the file removed|{n} duplicates in the file removed":
    "удалён {n} дубликат в файле|удалено {n} дубликата в файле|удалено {n} дубликатов в файле",
  "Could not import the file": "Не удалось импортировать файл",
  "{file} holds {n} code with a line break in it; the box takes one code a line. Remove the line break, or upload the file with sellerdesk.|{file} holds {n} codes with a line break in them; the box takes one code a line. Remove the line breaks, or upload the file with sellerdesk.":
    "В {file} {n} код с переносом строки внутри; в поле — один код на строку. Уберите перенос или загрузите файл через sellerdesk.|В {file} {n} кода с переносом строки внутри; в поле — один код на строку. Уберите переносы или загрузите файл через sellerdesk.|В {file} {n} кодов с переносом строки внутри; в поле — один код на строку. Уберите переносы или загрузите файл через sellerdesk.",
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
