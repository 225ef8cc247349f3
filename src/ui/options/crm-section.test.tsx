// @vitest-environment jsdom
import '../testing.ts';
import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderForm as setup } from './render-form.tsx';

describe('OptionsForm CRM host names', () => {
  it('says why a wildcard over a whole public suffix is refused', () => {
    const { onSave, type, save } = setup();
    type('Additional host names for Salesforce', '*.co.uk');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Additional host names for Salesforce: “*.co.uk” takes in every site under .co.uk: ' +
        'name your organisation’s own domain, such as *.example.co.uk.',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('names an extra host given for two CRMs at the second', () => {
    const { onSave, type, save } = setup();
    type('Additional host names for Salesforce', 'crm.example.com');
    type('Additional host names for Zendesk', 'crm.example.com');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Additional host names for Zendesk: “crm.example.com” is already named for another CRM',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('names an extra host that another CRM’s hosts already take in', () => {
    const { onSave, type, save } = setup();
    type('Additional host names for Salesforce', '*.example.com');
    type('Additional host names for HubSpot', 'acme.zendesk.com');
    type('Additional host names for Zendesk', 'crm.example.com');
    save();
    const items = within(screen.getByRole('alert')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Additional host names for HubSpot: “acme.zendesk.com” overlaps “*.zendesk.com”, a ' +
        'host of another CRM: a host belongs to one CRM only.',
      'Additional host names for Zendesk: “crm.example.com” overlaps “*.example.com”, a host ' +
        'of another CRM: a host belongs to one CRM only.',
    ]);
    expect(onSave).not.toHaveBeenCalled();
  });

  it("saves the org's own hosts per CRM and names a bad one", async () => {
    const { onSave, type, save } = setup();
    type('Your organisation’s host names for Salesforce', 'acme.lightning.force.com\nacme corp');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your organisation’s host names for Salesforce: “acme corp” is not a valid host name',
    );
    type('Your organisation’s host names for Salesforce', 'acme.my.salesforce.com');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“acme.my.salesforce.com” is not one of this CRM’s own hosts (*.lightning.force.com). ' +
        'Other hosts go under the additional host names.',
    );
    type('Your organisation’s host names for Salesforce', 'acme.lightning.force.com');
    save();
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        orgHosts: { salesforce: ['acme.lightning.force.com'], hubspot: [], zendesk: [] },
      }),
    );
  });
});
