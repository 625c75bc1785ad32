
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'common.retry': `Erneut versuchen`,
'error.forbidden': `Sie haben keinen Zugriff auf die Abrechnung dieses Kontos.`,
'error.generic': `Bitte versuchen Sie es gleich noch einmal.`,
'error.invalid_response': `Der Abrechnungsdienst hat eine unerwartete Antwort gesendet.`,
'error.network': `Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.`,
'error.unauthorized': `Bitte melden Sie sich erneut an.`,
'interval.monthly': `Monatlich`,
'interval.per_month': `pro Monat`,
'interval.per_year': `pro Jahr`,
'interval.yearly': `Jährlich`,
'limit.unlimited': `Unbegrenzt`,
'meter.input_tokens': `Eingabe-Tokens`,
'meter.integrations': `Integrationen`,
'meter.output_tokens': `Ausgabe-Tokens`,
'meter.transcription_minutes': `Transkriptionsminuten`,
'status.active': `Aktiv`,
'status.canceled': `Gekündigt`,
'status.incomplete': `Unvollständig`,
'status.none': `Kein Tarif`,
'status.past_due': `Überfällig`,
'status.trialing': `Testphase`,
'summary.amount_on_date': str`${0} am ${1}`,
'summary.billing_cycle': `Abrechnungsintervall`,
'summary.billing_period': `Abrechnungszeitraum`,
'summary.cancel_at_period_end': str`Ihr Tarif endet am ${0} und wird nicht verlängert.`,
'summary.canceled': `Ihr Tarif wurde gekündigt.`,
'summary.canceled_on': str`Ihr Tarif wurde gekündigt und endete am ${0}.`,
'summary.choose_tier': `Tarif wählen`,
'summary.custom_pricing': `Individueller Preis`,
'summary.discount': `Rabatt`,
'summary.discount_forever': str`${0}: ${1} Rabatt`,
'summary.discount_once': str`${0}: einmalig ${1} Rabatt`,
'summary.discount_repeating': str`${0}: ${1} Rabatt für ${2} Monate`,
'summary.error': `Wir konnten Ihre Abrechnungsdaten nicht laden.`,
'summary.features': `Funktionen`,
'summary.included': `Monatlich enthalten`,
'summary.incomplete': `Ihre erste Zahlung muss noch abgeschlossen werden, bevor der Tarif beginnt.`,
'summary.loading': `Abrechnungsdaten werden geladen…`,
'summary.manage': `Verwalten`,
'summary.next_payment': `Nächste Zahlung`,
'summary.none': `Sie haben noch keinen Tarif. Wählen Sie einen Tarif, um Tectra zu nutzen.`,
'summary.past_due': `Ihre letzte Zahlung ist fehlgeschlagen. Aktualisieren Sie Ihre Zahlungsmethode, um Ihren Tarif zu behalten.`,
'summary.price_per_seat': str`${0} pro Platz ${1} · ${2} Plätze`,
'summary.scheduled_change': str`Ihr Tarif wechselt am ${2} zu ${0} (${1}).`,
'summary.seats': `Plätze`,
'summary.title': `Aktueller Tarif`,
'summary.trial': str`Ihre Testphase endet am ${0}.`,
'summary.trial_with_payment': str`Ihre Testphase endet am ${0}. Ihre erste Zahlung von ${1} ist dann fällig.`,
'summary.update_payment_method': `Zahlungsmethode aktualisieren`,
    };
  