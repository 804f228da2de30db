import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, SVGRenderer]);

export interface Figure {
  label: string;
  value: number;
}

/**
 * Figures as bars (`percent`: values 0–100 on a 0–100 axis). The figures themselves are the
 * links; the chart only pictures them, and says them all in its accessible name.
 */
export function FigureChart({
  title,
  figures,
  percent = false,
  horizontal = false,
}: {
  title: string;
  figures: Figure[];
  percent?: boolean;
  /** Bars across, one row a figure: for long names such as units and plan areas. */
  horizontal?: boolean;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    // A phone has no room for the names side by side: they slant.
    const narrow = element.current.clientWidth < 600;
    const names = {
      type: 'category',
      data: figures.map((figure) => figure.label),
      axisLabel: horizontal
        ? { width: narrow ? 110 : 240, overflow: 'truncate' }
        : { interval: 0, rotate: narrow ? 45 : 0 },
      inverse: horizontal,
    };
    const values = percent
      ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
      : { type: 'value', minInterval: 1 };
    chart.setOption({
      grid: horizontal
        ? { left: narrow ? 120 : 250, right: 24, top: 8, bottom: 32 }
        : { left: 40, right: 16, top: 16, bottom: narrow ? 96 : 48 },
      xAxis: horizontal ? values : names,
      yAxis: horizontal ? names : values,
      series: [
        {
          type: 'bar',
          data: figures.map((figure) => figure.value),
          itemStyle: { color: '#a8071a' },
          barMaxWidth: 32,
        },
      ],
      aria: { enabled: true },
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [figures, percent, horizontal]);
  return (
    <div
      ref={element}
      role="img"
      aria-label={`${title}: ${figures
        .map((figure) => `${figure.label} ${figure.value}${percent ? '%' : ''}`)
        .join(', ')}`}
      style={{ width: '100%', height: horizontal ? 48 + 40 * figures.length : 260 }}
    />
  );
}
