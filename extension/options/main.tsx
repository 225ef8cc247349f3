import { listDevices, phoneHub, settingsHub } from '../../src/ui/bridge.ts';
import { mount } from '../../src/ui/mount.tsx';
import { OptionsApp } from '../../src/ui/options/options-app.tsx';
import '../../src/ui/pages.css';

mount(
  <OptionsApp
    hub={settingsHub}
    loadDevices={listDevices}
    onOpenOnboarding={phoneHub.openOnboarding}
  />,
  'optionsPageTitle',
);
