import { plugInTestSandbox } from './test-transport';

// Tests run like development: the payment sandbox is plugged in (its notifications kept, not posted).
plugInTestSandbox();
