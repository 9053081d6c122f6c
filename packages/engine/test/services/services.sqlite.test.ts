import { servicesSuite } from './services-suite.js';

servicesSuite('sqlite');
