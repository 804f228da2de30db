import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, SVGRenderer]);

export interface StateCount {
  label: string;
  count: number;
}

/** Tasks by state as bars; the figures themselves are the links (the chart only pictures them). */
export function TaskStateChart({ counts }: { counts: StateCount[] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    // A phone has no room for the state names side by side: they slant.
    const narrow = element.current.clientWidth < 600;
    chart.setOption({
      grid: { left: 40, right: 16, top: 16, bottom: narrow ? 96 : 48 },
      xAxis: {
        type: 'category',
        data: counts.map((item) => item.label),
        axisLabel: { interval: 0, rotate: narrow ? 45 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', data: counts.map((item) => item.count), itemStyle: { color: '#a8071a' } },
      ],
      aria: { enabled: true },
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [counts]);
  return (
    <div
      ref={element}
      role="img"
      aria-label={`Biểu đồ nhiệm vụ theo trạng thái: ${counts.map((item) => `${item.label} ${item.count}`).join(', ')}`}
      style={{ width: '100%', height: 260 }}
    />
  );
}
