// The window's frame: the first-run screen, the sidebar, the profile header.
export default {
  "Sandbox started": "Песочница запущена",
  "Two demo profiles were added: one per marketplace, with demo data.":
    "Добавлены два демо-профиля — по одному на каждый маркетплейс, с демо-данными.",
  "Welcome to Seller Desk": "Добро пожаловать в Seller Desk",
  "Run your shops on Gaming Goods and GGChest from one window: listings, codes, offers, accounts and orders.":
    "Управляйте магазинами на Gaming Goods и GGChest из одного окна: товары, коды, предложения, аккаунты и заказы.",
  "Try the sandbox": "Попробовать песочницу",
  "A simulated marketplace on this computer with demo data, one profile per market. Nothing is sent anywhere.":
    "Имитация маркетплейса на этом компьютере с демо-данными, по профилю на каждый маркетплейс. Ничего никуда не отправляется.",
  "Add a profile": "Добавить профиль",
  "Connect a real shop with its Seller API key. The key is kept in your system keychain.":
    "Подключите настоящий магазин по его ключу Seller API. Ключ хранится в системном хранилище ключей.",
  sandbox: "песочница",
  "API key (masked)": "API-ключ (скрыт)",
  Key: "Ключ",
  "key unavailable": "ключ недоступен",
  "The API key cannot be read.": "Не удаётся прочитать API-ключ.",
  Profiles: "Профили",
  "Sandbox demo profile": "Демо-профиль песочницы",
  demo: "демо",
  "No profile": "Нет профилей",
  "Add profile": "Добавить профиль",
  "Manage profiles": "Управление профилями",
} satisfies Record<string, string>;
