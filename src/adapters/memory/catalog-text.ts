/**
 * The demo catalog's text in the kit's languages: what a real backend answers in the
 * customer's language (`Accept-Language`) from its product catalog. Tier names stay names
 * where the language writes them in Latin letters, as most products do; Japanese and
 * Arabic spell them in their own scripts. Text not in the table (a custom snapshot) is
 * left as it is.
 */
import type { Catalog } from '../../core/types.js';

type Language = 'de' | 'fr' | 'es' | 'ja' | 'ar';

/** English text -> [de, fr, es, ja, ar]. An empty entry keeps the English. */
// Stryker disable all: translations are data, not rules (the mutation run skips them)
const TEXT: Record<string, [string, string, string, string, string]> = {
  Starter: ['', '', '', 'スターター', 'المبتدئ'],
  Pro: ['', '', '', 'プロ', 'برو'],
  Team: ['', 'Équipe', 'Equipo', 'チーム', 'فريق'],
  Business: ['', '', '', 'ビジネス', 'الأعمال'],
  Enterprise: ['Unternehmen', 'Entreprise', 'Empresa', 'エンタープライズ', 'مؤسسات'],
  'For trying Tectra automations on your own.': [
    'Zum Ausprobieren von Tectra-Automatisierungen auf eigene Faust.',
    'Pour essayer les automatisations Tectra par vous-même.',
    'Para probar las automatizaciones de Tectra por tu cuenta.',
    'Tectraの自動化を一人で試すために。',
    'لتجربة أتمتة Tectra بمفردك.',
  ],
  'For professionals automating their daily work.': [
    'Für Profis, die ihre tägliche Arbeit automatisieren.',
    'Pour les professionnels qui automatisent leur travail quotidien.',
    'Para profesionales que automatizan su trabajo diario.',
    '日々の仕事を自動化するプロフェッショナルに。',
    'للمحترفين الذين يؤتمتون عملهم اليومي.',
  ],
  'Shared automations and pooled usage for small teams.': [
    'Gemeinsame Automatisierungen und geteiltes Kontingent für kleine Teams.',
    'Automatisations partagées et consommation mutualisée pour les petites équipes.',
    'Automatizaciones compartidas y uso conjunto para equipos pequeños.',
    '小規模チーム向けの共有の自動化と合算の使用量。',
    'أتمتة مشتركة واستخدام مجمّع للفرق الصغيرة.',
  ],
  'Advanced controls for growing organisations.': [
    'Erweiterte Steuerung für wachsende Organisationen.',
    'Des contrôles avancés pour les organisations en croissance.',
    'Controles avanzados para organizaciones en crecimiento.',
    '成長する組織のための高度な管理機能。',
    'تحكم متقدم للمؤسسات النامية.',
  ],
  'Custom limits, security review and a dedicated success manager.': [
    'Individuelle Limits, Sicherheitsprüfung und ein eigener Success Manager.',
    'Limites sur mesure, revue de sécurité et un responsable du succès client dédié.',
    'Límites a medida, revisión de seguridad y un gestor de éxito dedicado.',
    'カスタムの上限、セキュリティ審査、専任のサクセスマネージャー。',
    'حدود مخصصة ومراجعة أمنية ومدير نجاح مخصص.',
  ],
  'Email support': ['E-Mail-Support', 'Assistance par e-mail', 'Soporte por correo electrónico', 'メールサポート', 'دعم عبر البريد الإلكتروني'],
  'Community templates': ['Community-Vorlagen', 'Modèles de la communauté', 'Plantillas de la comunidad', 'コミュニティのテンプレート', 'قوالب المجتمع'],
  '7-day run history': ['Ausführungsverlauf von 7 Tagen', 'Historique des exécutions sur 7 jours', 'Historial de ejecuciones de 7 días', '7日間の実行履歴', 'سجل التشغيل لمدة 7 أيام'],
  'Priority email support': ['Bevorzugter E-Mail-Support', 'Assistance prioritaire par e-mail', 'Soporte prioritario por correo electrónico', '優先メールサポート', 'دعم ذو أولوية عبر البريد الإلكتروني'],
  'Premium models': ['Premium-Modelle', 'Modèles premium', 'Modelos premium', 'プレミアムモデル', 'نماذج متميزة'],
  '90-day run history': ['Ausführungsverlauf von 90 Tagen', 'Historique des exécutions sur 90 jours', 'Historial de ejecuciones de 90 días', '90日間の実行履歴', 'سجل التشغيل لمدة 90 يومًا'],
  'Scheduled automations': ['Geplante Automatisierungen', 'Automatisations planifiées', 'Automatizaciones programadas', 'スケジュール実行の自動化', 'أتمتة مجدولة'],
  'Shared workspace': ['Gemeinsamer Arbeitsbereich', 'Espace de travail partagé', 'Espacio de trabajo compartido', '共有ワークスペース', 'مساحة عمل مشتركة'],
  'Pooled usage': ['Geteiltes Kontingent', 'Consommation mutualisée', 'Uso conjunto', '合算の使用量', 'استخدام مجمّع'],
  'Roles and permissions': ['Rollen und Berechtigungen', 'Rôles et autorisations', 'Roles y permisos', 'ロールと権限', 'الأدوار والصلاحيات'],
  '1-year run history': ['Ausführungsverlauf von 1 Jahr', 'Historique des exécutions sur 1 an', 'Historial de ejecuciones de 1 año', '1年間の実行履歴', 'سجل التشغيل لمدة سنة'],
  'Everything in Team': ['Alles aus Team', 'Tout le forfait Équipe', 'Todo lo de Equipo', 'チームのすべての機能', 'كل ما في فريق'],
  'SAML single sign-on': ['SAML-Single-Sign-on', 'Authentification unique SAML', 'Inicio de sesión único SAML', 'SAMLシングルサインオン', 'تسجيل دخول موحد عبر SAML'],
  'Audit log': ['Audit-Protokoll', "Journal d'audit", 'Registro de auditoría', '監査ログ', 'سجل التدقيق'],
  'Unlimited integrations': ['Unbegrenzte Integrationen', 'Intégrations illimitées', 'Integraciones ilimitadas', '無制限の連携', 'تكاملات غير محدودة'],
  'Unlimited usage': ['Unbegrenzte Nutzung', 'Consommation illimitée', 'Uso ilimitado', '無制限の使用量', 'استخدام غير محدود'],
  'Dedicated success manager': ['Eigener Success Manager', 'Responsable du succès client dédié', 'Gestor de éxito dedicado', '専任のサクセスマネージャー', 'مدير نجاح مخصص'],
  'Custom contract and invoicing': ['Individueller Vertrag und Rechnungsstellung', 'Contrat et facturation sur mesure', 'Contrato y facturación a medida', 'カスタムの契約と請求', 'عقد وفوترة مخصصان'],
  '99.9 % uptime SLA': ['SLA mit 99,9 % Verfügbarkeit', 'SLA de disponibilité de 99,9 %', 'SLA de disponibilidad del 99,9 %', '稼働率99.9%のSLA', 'اتفاقية مستوى خدمة بتوافر 99.9٪'],
};
// Stryker restore all

const LANGUAGES: Language[] = ['de', 'fr', 'es', 'ja', 'ar'];

/** The language of a BCP 47 tag or an `Accept-Language` header the table has, if any ("de-CH,de;q=0.9" -> "de"). */
export function catalogLanguage(tag: string | null | undefined): Language | undefined {
  const first = (tag ?? '').split(',')[0]?.trim().toLowerCase().split(/[-;]/)[0];
  return LANGUAGES.find((l) => l === first);
}

/** The catalog with its names, descriptions and features in `locale` where the table has them. */
export function localizeDemoCatalog(catalog: Catalog, locale: string | null | undefined): Catalog {
  const language = catalogLanguage(locale);
  if (!language) return catalog;
  const index = LANGUAGES.indexOf(language);
  const say = (text: string) => TEXT[text]?.[index] || text;
  return {
    ...catalog,
    tiers: catalog.tiers.map((tier) => ({
      ...tier,
      name: say(tier.name),
      ...(tier.description === undefined ? {} : { description: say(tier.description) }),
      features: tier.features.map(say),
    })),
  };
}
