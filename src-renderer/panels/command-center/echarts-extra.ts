// The shared Chart bundles line and bar only; this panel also needs zoom and markers (echarts/core is one registry).
import * as echarts from 'echarts/core';
import { DataZoomComponent, MarkLineComponent, MarkPointComponent } from 'echarts/components';

echarts.use([DataZoomComponent, MarkPointComponent, MarkLineComponent]);
