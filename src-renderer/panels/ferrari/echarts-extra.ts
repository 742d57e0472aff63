// The shared Chart bundles line and bar only; the trap chart also needs zoom, a fair-price level and the trap's span.
import * as echarts from 'echarts/core';
import { DataZoomComponent, MarkAreaComponent, MarkLineComponent } from 'echarts/components';

echarts.use([DataZoomComponent, MarkLineComponent, MarkAreaComponent]);
