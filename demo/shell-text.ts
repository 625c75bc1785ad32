/**
 * The demo page's own words (app bar, switchers, title and lead) in the kit's six
 * languages, so a page in Arabic or Japanese is that language throughout. Elements carry
 * `data-text="key"` (their text) or `data-label="key"` (their aria-label); English is the
 * page as written.
 */
type Locale = 'en' | 'de' | 'fr' | 'es' | 'ja' | 'ar';

export const SHELL_TEXT: Record<string, Record<Exclude<Locale, 'en'>, string>> = {
  title: { de: 'Einstellungen › Abrechnung · Tectra-Demo', fr: 'Paramètres › Facturation · Démo Tectra', es: 'Ajustes › Facturación · Demo de Tectra', ja: '設定 › 請求 · Tectra デモ', ar: 'الإعدادات › الفوترة · عرض Tectra التجريبي' },
  settings: { de: 'Einstellungen', fr: 'Paramètres', es: 'Ajustes', ja: '設定', ar: 'الإعدادات' },
  billing: { de: 'Abrechnung', fr: 'Facturation', es: 'Facturación', ja: '請求', ar: 'الفوترة' },
  breadcrumb: { de: 'Pfad', fr: "Fil d'Ariane", es: 'Ruta de navegación', ja: 'パンくずリスト', ar: 'مسار التنقل' },
  pages: { de: 'Demo-Seiten', fr: 'Pages de démo', es: 'Páginas de demostración', ja: 'デモページ', ar: 'صفحات العرض التجريبي' },
  portal: { de: 'Das Portal', fr: 'Le portail', es: 'El portal', ja: 'ポータル', ar: 'البوابة' },
  elements: { de: 'Elemente auf einer Seite', fr: 'Éléments sur une page', es: 'Elementos en una página', ja: 'ページ上の要素', ar: 'عناصر على صفحة' },
  partner: { de: 'Partnerportal (Script-Tag)', fr: 'Portail partenaire (balise script)', es: 'Portal de socios (etiqueta script)', ja: 'パートナーポータル（script タグ）', ar: 'بوابة الشركاء (وسم script)' },
  controls: { de: 'Demo-Einstellungen', fr: 'Réglages de la démo', es: 'Controles de la demo', ja: 'デモの設定', ar: 'عناصر التحكم في العرض التجريبي' },
  scenario: { de: 'Szenario', fr: 'Scénario', es: 'Escenario', ja: 'シナリオ', ar: 'السيناريو' },
  language: { de: 'Sprache', fr: 'Langue', es: 'Idioma', ja: '言語', ar: 'اللغة' },
  theme: { de: 'Design', fr: 'Thème', es: 'Tema', ja: 'テーマ', ar: 'السمة' },
  'scenario.new': { de: 'Neues Konto (ohne Abrechnung)', fr: 'Nouveau compte (sans facturation)', es: 'Cuenta nueva (sin facturación)', ja: '新しいアカウント（請求なし）', ar: 'حساب جديد (بلا فوترة)' },
  'scenario.individual-active': { de: 'Einzelperson, aktiv', fr: 'Individuel, actif', es: 'Individual, activo', ja: '個人、有効', ar: 'فردي، نشط' },
  'scenario.trial': { de: 'Testphase', fr: "Période d'essai", es: 'Prueba', ja: 'トライアル', ar: 'فترة تجريبية' },
  'scenario.past-due': { de: 'Überfällig', fr: 'En retard de paiement', es: 'Pago vencido', ja: '支払い期限超過', ar: 'متأخر السداد' },
  'scenario.team': { de: 'Team (8 Plätze)', fr: 'Équipe (8 sièges)', es: 'Equipo (8 puestos)', ja: 'チーム（8席）', ar: 'فريق (8 مقاعد)' },
  'scenario.enterprise': { de: 'Unternehmen', fr: 'Entreprise', es: 'Empresa', ja: 'エンタープライズ', ar: 'مؤسسات' },
  'scenario.scheduled-downgrade': { de: 'Geplanter Wechsel auf einen kleineren Tarif', fr: 'Passage à un forfait inférieur prévu', es: 'Cambio a un plan inferior programado', ja: 'ダウングレード予定', ar: 'تخفيض مجدول للخطة' },
  'scenario.canceled': { de: 'Gekündigt', fr: 'Résilié', es: 'Cancelado', ja: '解約済み', ar: 'ملغاة' },
  'scenario.cancel-at-period-end': { de: 'Endet zum Ende des Zeitraums', fr: 'Se termine en fin de période', es: 'Termina al final del periodo', ja: '期間の終了時に終了', ar: 'تنتهي في نهاية الفترة' },
  'scenario.jpy': { de: 'Japanischer Yen', fr: 'Yen japonais', es: 'Yen japonés', ja: '日本円', ar: 'الين الياباني' },
  'scenario.prepaid': { de: 'Prepaid-Guthaben', fr: 'Crédit prépayé', es: 'Crédito prepago', ja: 'プリペイドクレジット', ar: 'رصيد مسبق الدفع' },
  'scenario.auto-recharge': {
    de: 'Automatische Aufladung (letzte fehlgeschlagen)',
    fr: 'Recharge automatique (la dernière a échoué)',
    es: 'Recarga automática (la última falló)',
    ja: '自動チャージ（前回は失敗）',
    ar: 'الشحن التلقائي (فشلت المرة الأخيرة)',
  },
  'scenario.capped': {
    de: 'Ausgabenlimits (ein Zähler gestoppt)',
    fr: 'Plafonds de dépenses (un compteur arrêté)',
    es: 'Límites de gasto (un contador detenido)',
    ja: '支出上限（1 つのメーターが停止中）',
    ar: 'حدود الإنفاق (عدّاد واحد متوقف)',
  },
  'scenario.team-with-members': {
    de: 'Team mit Mitgliedern (Nutzung pro Mitglied)',
    fr: 'Équipe avec membres (utilisation par membre)',
    es: 'Equipo con miembros (uso por miembro)',
    ja: 'メンバーのいるチーム（メンバー別の利用量）',
    ar: 'فريق مع أعضاء (الاستخدام لكل عضو)',
  },
  'scenario.new-with-tax': {
    de: 'Neues Konto, Steuer nach Land',
    fr: 'Nouveau compte, taxe selon le pays',
    es: 'Cuenta nueva, impuestos según el país',
    ja: '新しいアカウント、国別の税',
    ar: 'حساب جديد، الضريبة حسب البلد',
  },
  'theme.light': { de: 'Hell', fr: 'Clair', es: 'Claro', ja: 'ライト', ar: 'فاتح' },
  'theme.dark': { de: 'Dunkel', fr: 'Sombre', es: 'Oscuro', ja: 'ダーク', ar: 'داكن' },
  'theme.brand': { de: 'Marke (Petrol, eckig)', fr: 'Marque (sarcelle, angles droits)', es: 'Marca (verde azulado, esquinas rectas)', ja: 'ブランド（ティール、角型）', ar: 'العلامة التجارية (أزرق مخضر، زوايا حادة)' },
  heading: { de: 'Abrechnung', fr: 'Facturation', es: 'Facturación', ja: '請求', ar: 'الفوترة' },
  lead: {
    de: 'Ihr Tarif, Ihre Nutzung, Karten und Rechnungen. Die Daten kommen über HTTP vom Demo-Backend.',
    fr: 'Votre forfait, votre consommation, vos cartes et vos factures. Les données viennent du backend de démo par HTTP.',
    es: 'Tu plan, tu uso, tus tarjetas y tus facturas. Los datos llegan del backend de demostración por HTTP.',
    ja: 'プラン、使用量、カード、請求書。データはデモのバックエンドから HTTP で届きます。',
    ar: 'خطتك واستخدامك وبطاقاتك وفواتيرك. تأتي البيانات من الخادم التجريبي عبر HTTP.',
  },
  'last-event': { de: 'Letztes Ereignis', fr: 'Dernier événement', es: 'Último evento', ja: '最後のイベント', ar: 'آخر حدث' },
};

const english = new Map<Element, { text?: string; label?: string }>();
const englishTitle = document.title;

/** Puts the page's own words in `locale` (English for any language the table lacks) and marks the page with it. */
export function translateShell(locale: string): void {
  const language = (['de', 'fr', 'es', 'ja', 'ar'] as const).find((l) => l === locale.split('-')[0]);
  const say = (key: string | undefined, fallback: string) => (key && language ? SHELL_TEXT[key]?.[language] : undefined) ?? fallback;
  for (const el of document.querySelectorAll<HTMLElement>('[data-text], [data-label]')) {
    if (!english.has(el)) english.set(el, { text: el.textContent ?? '', label: el.getAttribute('aria-label') ?? '' });
    const original = english.get(el) ?? {};
    if (el.dataset.text) el.textContent = say(el.dataset.text, original.text ?? '');
    if (el.dataset.label) el.setAttribute('aria-label', say(el.dataset.label, original.label ?? ''));
  }
  document.title = say('title', englishTitle);
  document.documentElement.lang = language ?? 'en';
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
}
