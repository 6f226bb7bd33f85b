// The public site's own words (buttons, labels, headings) per language. Entry texts come from the
// translation table; these few strings are part of the site. A language configured without an
// entry here gets English chrome (its entries still show in that language where translated).
// The Tigrinya and Persian strings need a check by native speakers before launch.
export interface SiteText {
  title: string;
  intro: string;
  search: string;
  searchButton: string;
  category: string;
  all: string;
  spoken: string;
  targetGroup: string;
  free: string;
  openNow: string;
  results: (n: number) => string;
  noResults: string;
  lastChecked: string;
  notChecked: string;
  what: string;
  forWhom: string;
  where: string;
  whenOpen: string;
  languages: string;
  contact: string;
  back: string;
  chooseLanguage: string;
  isFree: string;
  notFree: string;
  costUnknown: string;
  untranslated: string;
  hoursUnknown: string;
  addressUnknown: string;
  openInMap: string;
  phone: string;
  email: string;
  website: string;
  categories: string;
  notFound: string;
  filters: string;
  internal: string;
  contacts: string;
  skip: string;
  howToApply: string;
  cost: string;
}

const nl: SiteText = {
  title: 'Sociale kaart Nijmegen',
  intro: 'Hulp, informatie en activiteiten voor vluchtelingen en nieuwkomers in Nijmegen.',
  search: 'Zoeken',
  searchButton: 'Zoeken',
  category: 'Categorie',
  all: 'Alle',
  spoken: 'Taal die gesproken wordt',
  targetGroup: 'Voor wie',
  free: 'Gratis',
  openNow: 'Nu open',
  results: (n) => (n === 1 ? '1 resultaat' : `${n} resultaten`),
  noResults: 'Niets gevonden. Probeer een ander woord of minder filters.',
  lastChecked: 'Laatst gecontroleerd op',
  notChecked: 'Nog niet gecontroleerd',
  what: 'Wat is het?',
  forWhom: 'Voor wie?',
  where: 'Waar?',
  whenOpen: 'Wanneer open?',
  languages: 'Talen',
  contact: 'Contact',
  back: 'Terug naar de lijst',
  chooseLanguage: 'Taal',
  isFree: 'Gratis',
  notFree: 'Niet gratis',
  costUnknown: 'Kosten onbekend',
  untranslated: 'Nog niet vertaald; in het Nederlands.',
  hoursUnknown: 'Openingstijden nog niet bekend.',
  addressUnknown: 'Adres nog niet bekend.',
  openInMap: 'Open in een kaart-app',
  phone: 'Telefoon',
  email: 'E-mail',
  website: 'Website',
  categories: 'Categorieën',
  notFound: 'Deze pagina bestaat niet (meer).',
  filters: 'Filters',
  internal: 'Alleen voor professionals',
  contacts: 'Contactpersonen',
  skip: 'Naar de inhoud',
  howToApply: 'Hoe kom je erbij?',
  cost: 'Kosten',
};

const en: SiteText = {
  title: 'Social map Nijmegen',
  intro: 'Help, information and activities for refugees and newcomers in Nijmegen.',
  search: 'Search',
  searchButton: 'Search',
  category: 'Category',
  all: 'All',
  spoken: 'Language spoken',
  targetGroup: 'For whom',
  free: 'Free of charge',
  openNow: 'Open now',
  results: (n) => (n === 1 ? '1 result' : `${n} results`),
  noResults: 'Nothing found. Try another word or fewer filters.',
  lastChecked: 'Last checked on',
  notChecked: 'Not checked yet',
  what: 'What is it?',
  forWhom: 'For whom?',
  where: 'Where?',
  whenOpen: 'When is it open?',
  languages: 'Languages',
  contact: 'Contact',
  back: 'Back to the list',
  chooseLanguage: 'Language',
  isFree: 'Free of charge',
  notFree: 'Not free',
  costUnknown: 'Cost unknown',
  untranslated: 'Not translated yet; in Dutch.',
  hoursUnknown: 'Opening hours not known yet.',
  addressUnknown: 'Address not known yet.',
  openInMap: 'Open in a map app',
  phone: 'Phone',
  email: 'Email',
  website: 'Website',
  categories: 'Categories',
  notFound: 'This page does not exist (any more).',
  filters: 'Filters',
  internal: 'For professionals only',
  contacts: 'Contact persons',
  skip: 'Skip to content',
  howToApply: 'How to get it?',
  cost: 'Cost',
};

const ar: SiteText = {
  title: 'الخريطة الاجتماعية نايميخن',
  intro: 'مساعدة ومعلومات وأنشطة للاجئين والقادمين الجدد في نايميخن.',
  search: 'بحث',
  searchButton: 'ابحث',
  category: 'الفئة',
  all: 'الكل',
  spoken: 'اللغة المستخدمة',
  targetGroup: 'لمن',
  free: 'مجاني',
  openNow: 'مفتوح الآن',
  results: (n) => `${n} نتيجة`,
  noResults: 'لم يتم العثور على شيء. جرّب كلمة أخرى أو عوامل تصفية أقل.',
  lastChecked: 'آخر تحقق في',
  notChecked: 'لم يتم التحقق بعد',
  what: 'ما هي الخدمة؟',
  forWhom: 'لمن؟',
  where: 'أين؟',
  whenOpen: 'متى تكون مفتوحة؟',
  languages: 'اللغات',
  contact: 'التواصل',
  back: 'العودة إلى القائمة',
  chooseLanguage: 'اللغة',
  isFree: 'مجاني',
  notFree: 'غير مجاني',
  costUnknown: 'التكلفة غير معروفة',
  untranslated: 'لم تتم الترجمة بعد؛ باللغة الهولندية.',
  hoursUnknown: 'مواعيد العمل غير معروفة بعد.',
  addressUnknown: 'العنوان غير معروف بعد.',
  openInMap: 'افتح في تطبيق الخرائط',
  phone: 'الهاتف',
  email: 'البريد الإلكتروني',
  website: 'الموقع الإلكتروني',
  categories: 'الفئات',
  notFound: 'هذه الصفحة غير موجودة.',
  filters: 'عوامل التصفية',
  internal: 'للمختصين فقط',
  contacts: 'جهات الاتصال',
  skip: 'انتقل إلى المحتوى',
  howToApply: 'كيف تحصل عليها؟',
  cost: 'التكلفة',
};

const uk: SiteText = {
  title: 'Соціальна карта Неймегена',
  intro: 'Допомога, інформація та заходи для біженців і новоприбулих у Неймегені.',
  search: 'Пошук',
  searchButton: 'Шукати',
  category: 'Категорія',
  all: 'Усі',
  spoken: 'Мова спілкування',
  targetGroup: 'Для кого',
  free: 'Безкоштовно',
  openNow: 'Відчинено зараз',
  results: (n) => `Результатів: ${n}`,
  noResults: 'Нічого не знайдено. Спробуйте інше слово або менше фільтрів.',
  lastChecked: 'Востаннє перевірено',
  notChecked: 'Ще не перевірено',
  what: 'Що це?',
  forWhom: 'Для кого?',
  where: 'Де?',
  whenOpen: 'Коли відчинено?',
  languages: 'Мови',
  contact: 'Контакти',
  back: 'Назад до списку',
  chooseLanguage: 'Мова',
  isFree: 'Безкоштовно',
  notFree: 'Платно',
  costUnknown: 'Вартість невідома',
  untranslated: 'Ще не перекладено; нідерландською.',
  hoursUnknown: 'Години роботи ще невідомі.',
  addressUnknown: 'Адреса ще невідома.',
  openInMap: 'Відкрити в застосунку карт',
  phone: 'Телефон',
  email: 'Ел. пошта',
  website: 'Вебсайт',
  categories: 'Категорії',
  notFound: 'Цієї сторінки не існує.',
  filters: 'Фільтри',
  internal: 'Лише для фахівців',
  contacts: 'Контактні особи',
  skip: 'Перейти до змісту',
  howToApply: 'Як отримати?',
  cost: 'Вартість',
};

const ti: SiteText = {
  ...en,
  title: 'ማሕበራዊ ካርታ ናይሜገን',
  intro: 'ሓገዝ፡ ሓበሬታን ንጥፈታትን ንስደተኛታትን ሓደስቲ መጻእትን ኣብ ናይሜገን።',
  search: 'ድለ',
  searchButton: 'ድለ',
  category: 'ዓይነት',
  all: 'ኩሉ',
  spoken: 'ዝዝረብ ቋንቋ',
  targetGroup: 'ንመን',
  free: 'ብናጻ',
  openNow: 'ሕጂ ክፉት',
  results: (n) => `${n} ውጽኢት`,
  lastChecked: 'ናይ መወዳእታ ዝተረጋገጸሉ',
  notChecked: 'ገና ኣይተረጋገጸን',
  what: 'እንታይ እዩ?',
  forWhom: 'ንመን?',
  where: 'ኣበይ?',
  whenOpen: 'መዓስ ክፉት እዩ?',
  languages: 'ቋንቋታት',
  contact: 'ርክብ',
  back: 'ናብ ዝርዝር ተመለስ',
  chooseLanguage: 'ቋንቋ',
  isFree: 'ብናጻ',
  untranslated: 'ገና ኣይተተርጎመን፤ ብሆላንድኛ።',
};

const fa: SiteText = {
  ...en,
  title: 'نقشه اجتماعی نایمخن',
  intro: 'کمک، اطلاعات و فعالیت‌ها برای پناهندگان و تازه‌واردان در نایمخن.',
  search: 'جستجو',
  searchButton: 'جستجو',
  category: 'دسته',
  all: 'همه',
  spoken: 'زبان گفتگو',
  targetGroup: 'برای چه کسی',
  free: 'رایگان',
  openNow: 'اکنون باز',
  results: (n) => `${n} نتیجه`,
  noResults: 'چیزی پیدا نشد. کلمه دیگری یا فیلترهای کمتری را امتحان کنید.',
  lastChecked: 'آخرین بررسی در',
  notChecked: 'هنوز بررسی نشده',
  what: 'این چیست؟',
  forWhom: 'برای چه کسی؟',
  where: 'کجا؟',
  whenOpen: 'چه زمانی باز است؟',
  languages: 'زبان‌ها',
  contact: 'تماس',
  back: 'بازگشت به فهرست',
  chooseLanguage: 'زبان',
  isFree: 'رایگان',
  notFree: 'غیر رایگان',
  costUnknown: 'هزینه نامشخص',
  untranslated: 'هنوز ترجمه نشده؛ به زبان هلندی.',
  hoursUnknown: 'ساعات کار هنوز مشخص نیست.',
  addressUnknown: 'نشانی هنوز مشخص نیست.',
  openInMap: 'باز کردن در برنامه نقشه',
  phone: 'تلفن',
  email: 'ایمیل',
  website: 'وب‌سایت',
  categories: 'دسته‌ها',
  notFound: 'این صفحه وجود ندارد.',
  filters: 'فیلترها',
  skip: 'رفتن به محتوا',
  howToApply: 'چگونه دریافت کنیم؟',
  cost: 'هزینه',
};

const TEXTS: Record<string, SiteText> = { nl, en, ar, uk, ti, fa };

export function siteText(language: string): SiteText {
  return TEXTS[language] ?? en;
}
