import { phoneHub } from '../../src/ui/bridge.ts';
import { mount } from '../../src/ui/mount.tsx';
import { PopupApp } from '../../src/ui/phone/popup-app.tsx';

mount(<PopupApp hub={phoneHub} />);
