import { phoneHub } from '../../src/ui/bridge.ts';
import { mount } from '../../src/ui/mount.tsx';
import { PopupApp } from '../../src/ui/phone/popup-app.tsx';
import '../../src/ui/phone.css';

mount(<PopupApp hub={phoneHub} />);
