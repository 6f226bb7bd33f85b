// The console's own words (everything not derived from the schema's descriptions).
export const appMessages = {
  nl: {
    welkom: {
      title: 'Welkom',
      subtitle: 'Programmaregister Asiel & Integratie 2025-2028',
      anonymous: 'Gast (alleen lezen)',
      sign_in: 'Inloggen',
      sign_in_intro: 'Meld u aan met uw e-mailadres om het register te wijzigen. Lezen kan zonder aan te melden.',
      conflict: {
        message: 'Iemand anders heeft dit record gewijzigd nadat u het opende. Uw wijziging is niet opgeslagen.',
        reload: 'Nieuwste versie laden',
      },
      bulk_status: {
        button: 'Status wijzigen',
        title: 'Status van %{smart_count} acties wijzigen',
        label: 'Nieuwe status',
      },
      related: {
        history: 'Geschiedenis',
        history_pending: 'De wijzigingsgeschiedenis verschijnt hier zodra de audittrail beschikbaar is.',
        none: 'Geen',
      },
      dashboard: {
        per_theme: 'Acties per opgave en status',
        theme: 'Opgave',
        total: 'Totaal',
        quarter_start: 'Start dit kwartaal (%{quarter})',
        quarter_end: 'Eindigt dit kwartaal (%{quarter})',
        open_notes: 'Open datakwaliteitsnotities',
        none: 'Geen',
        all: 'Alle %{count} bekijken',
        unreachable: 'De API is niet bereikbaar.',
      },
      field: {
        none: '—',
      },
    },
  },
  en: {
    welkom: {
      title: 'Welkom',
      subtitle: 'Programme register Asylum & Integration 2025-2028',
      anonymous: 'Guest (read only)',
      sign_in: 'Sign in',
      sign_in_intro: 'Sign in with your email address to change the register. Reading needs no sign-in.',
      conflict: {
        message: 'Someone else changed this record after you opened it. Your change was not saved.',
        reload: 'Load the latest version',
      },
      bulk_status: {
        button: 'Change status',
        title: 'Change the status of %{smart_count} actions',
        label: 'New status',
      },
      related: {
        history: 'History',
        history_pending: 'The change history will appear here once the audit trail is available.',
        none: 'None',
      },
      dashboard: {
        per_theme: 'Actions per theme and status',
        theme: 'Theme',
        total: 'Total',
        quarter_start: 'Starting this quarter (%{quarter})',
        quarter_end: 'Ending this quarter (%{quarter})',
        open_notes: 'Open data-quality notes',
        none: 'None',
        all: 'See all %{count}',
        unreachable: 'The API cannot be reached.',
      },
      field: {
        none: '—',
      },
    },
  },
};
