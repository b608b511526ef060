import type { ConsentTranslation } from './consent.fr.ts';

// English strings of the consent feature; same keys as consent.fr.ts (checked by the type and keys.test.ts).
export const enConsent: ConsentTranslation = {
  consent: {
    title: 'Enedis consent',
    text: 'For MyElectricalData to read your measurements, give your consent on the Enedis website. Tick the meters to share: they will be added to your dashboard. Consent lasts 3 years and can be withdrawn at any time from your Enedis customer account.',
    button: 'Give my consent on the Enedis website',
    redirecting: 'Opening the Enedis website…',
    give: 'Give my consent',
    renew: 'Renew consent',
    demoReadOnly: 'The demo account cannot give consent: create an account to connect your own meters.',
    dismiss: 'Close this message',
    success: {
      title: 'Consent recorded',
      text: '{{authorised}} ({{added}}). Contracts are being read from Enedis; your data is available under Consumption and Production.',
      authorised_one: '{{count}} delivery point authorised',
      authorised_other: '{{count}} delivery points authorised',
      added_one: '{{count}} added to your account',
      added_other: '{{count}} added to your account',
    },
    errors: {
      title: 'Consent did not go through',
      invalid_state:
        'The request expired (it is valid for 10 minutes) or was completed in another session. Start the consent again from this dashboard, in the same browser.',
      access_denied:
        'You declined sharing on the Enedis website: no data is read. You can start again whenever you like.',
      invalid_pdl:
        'Enedis returned no valid delivery point number. Start the consent again and tick at least one meter.',
      invalid_code:
        'The return from the Enedis website was incomplete (no authorisation code): nothing was recorded. Start the consent again from this dashboard.',
      consent_refused:
        'Enedis holds no valid consent for these meters: they are shown as revoked and no data is read. Check that you hold the electricity contract, then renew the consent.',
      daily_limit:
        'You have reached the maximum number of meters that can be authorised in one day: nothing was added. Try again tomorrow.',
      pdl_already_exists:
        'These delivery points already belong to another MyElectricalData account. Log in to that account and delete them there before trying again, or contact us if you did not add them.',
      enedis_error:
        'Enedis reported an error during consent. Try again in a few minutes; if it persists, check the Enedis service status page.',
      unknown: 'Consent failed for an unknown reason. Try again; if it persists, contact us.',
    },
    partial: {
      title: 'Some meters were not authorised',
      pdl_already_exists_one:
        '{{count}} delivery point was not added: it already belongs to another MyElectricalData account. Delete it from the other account, then start the consent again.',
      pdl_already_exists_other:
        '{{count}} delivery points were not added: at least one of them already belongs to another MyElectricalData account. Delete it from the other account, then start the consent again.',
      consent_refused_one:
        '{{count}} delivery point was not authorised: Enedis holds no valid consent for it, and it is shown as revoked. Check that you hold its contract, then renew the consent.',
      consent_refused_other:
        '{{count}} delivery points were not authorised: Enedis holds no valid consent for at least one of them, which is shown as revoked. Check that you hold its contract, then renew the consent.',
      daily_limit_one:
        '{{count}} delivery point was not added: you have reached the maximum number of meters that can be authorised in one day. Start the consent again tomorrow for that one.',
      daily_limit_other:
        '{{count}} delivery points were not added: you have reached the maximum number of meters that can be authorised in one day. Start the consent again tomorrow for those.',
    },
    status: {
      pending: 'Awaiting consent',
      revoked: 'Consent revoked on {{date}}',
      revokedUndated: 'Consent revoked',
      expired: 'Consent expired',
    },
    meter: {
      pending:
        'This delivery point is awaiting your Enedis consent: no data is read until you give it for this meter on the Enedis website.',
      revoked:
        'Enedis no longer lets us read this meter: the consent was withdrawn, or a new occupant of the home gave theirs. If you still hold the contract, renew the consent.',
      expired:
        'Your consent, valid for 3 years, ended on {{date}}: its data is no longer read. Renew it to start again.',
      detailsLabel: 'Enedis consent',
      validUntil: 'valid until {{date}}',
    },
    picker: {
      blockedGroup: 'Consent to renew',
      placeholder: 'Choose a delivery point',
      pending: '{{name}} — awaiting consent',
      revoked: '{{name}} — consent revoked',
      expired: '{{name}} — consent expired',
    },
    blocked: {
      title: 'Data unavailable: {{name}}',
      noneActive:
        'None of your delivery points has an active Enedis consent: their data cannot be read. Renew the consent, or choose a meter above to see why.',
    },
    expiry: {
      title: 'Your Enedis consent ends soon',
      text: 'Unless you renew it, MyElectricalData will no longer be able to read these meters after the date shown:',
      item: '{{name}}: expires on {{date}}',
    },
    history: {
      title: 'My consent history',
      intro:
        'Each of your visits to the Enedis website, with the meters you authorised. A consent lasts 3 years from its date.',
      empty: 'No consent yet. Give it with the “Give my consent” button above.',
      loadError: 'Could not load your consent history.',
      visit: 'Consent of {{date}}',
      expires: 'Ends on: {{date}}',
      meters: 'Meters authorised by this consent',
      status: {
        active: 'Active',
        revoked: 'Revoked',
        expired: 'Expired',
        ended: 'Ended',
      },
      endReason: {
        removed: 'Meter removed from your account on {{date}}',
        account_deleted: 'Account deleted on {{date}}',
        revoked_by_enedis: 'Revoked at Enedis on {{date}}',
        holder_changed: 'Change of contract holder reported by Enedis on {{date}}',
        taken_over: 'Taken over by a new occupant’s consent on {{date}}',
        renewed: 'Replaced by a newer consent on {{date}}',
        expired: 'Reached its end on {{date}}',
      },
    },
  },
};
