import { microphone } from '../../src/ui/bridge.ts';
import { mount } from '../../src/ui/mount.tsx';
import { OnboardingView } from '../../src/ui/onboarding/onboarding-view.tsx';
import '../../src/ui/pages.css';

mount(<OnboardingView mic={microphone} origin={location.origin} />, 'onboardingPageTitle');
