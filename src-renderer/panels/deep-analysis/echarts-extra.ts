// The shared Chart bundles line and bar only; the score matrix needs the heatmap and its colour scale.
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';

echarts.use([HeatmapChart, VisualMapComponent]);
