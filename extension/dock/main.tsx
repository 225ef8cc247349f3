import { dockStore, phoneHub } from '../../src/ui/bridge.ts';
import { DockApp } from '../../src/ui/dock/dock-app.tsx';
import { mount } from '../../src/ui/mount.tsx';

mount(<DockApp hub={phoneHub} store={dockStore} />);
