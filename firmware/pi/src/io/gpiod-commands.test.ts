import { describe, expect, it } from 'vitest';
import { monitorCommand, outputCommand, parseMonitorLine, parseReadOutput, readCommand, setLine } from './gpiod-commands.ts';

const inputs = [{ pin: 5, pullup: true }, { pin: 6, pullup: true }];

describe('libgpiod command lines', () => {
  it('watches both edges of every button with the pull-ups on, in v1 and v2 syntax', () => {
    expect(monitorCommand('v1', 'gpiochip0', inputs)).toEqual(['gpiomon', '--line-buffered', '--bias=pull-up', '--format=%o %e', 'gpiochip0', '5', '6']);
    expect(monitorCommand('v2', 'gpiochip4', inputs)).toEqual(['gpiomon', '--chip', 'gpiochip4', '--bias=pull-up', '--edges=both', '--format=%o %E', '5', '6']);
    expect(monitorCommand('v2', 'gpiochip0', [{ pin: 5, pullup: true }, { pin: 6, pullup: false }])).toContain('--bias=as-is');
  });

  it('holds the LED lines with one gpioset', () => {
    const levels = new Map<number, 0 | 1>([[17, 0], [27, 1]]);
    expect(outputCommand('v1', 'gpiochip0', levels)).toEqual(['gpioset', '--mode=signal', 'gpiochip0', '17=0', '27=1']);
    expect(outputCommand('v2', 'gpiochip0', levels)).toEqual(['gpioset', '--chip', 'gpiochip0', '--interactive', '17=0', '27=1']);
    expect(setLine(17, 1)).toBe('set 17=1\n');
  });

  it('reads starting levels', () => {
    expect(readCommand('v1', 'gpiochip0', [5, 6])).toEqual(['gpioget', 'gpiochip0', '5', '6']);
    expect(readCommand('v2', 'gpiochip0', [5, 6])).toEqual(['gpioget', '--chip', 'gpiochip0', '--numeric', '5', '6']);
    expect(parseReadOutput('1 0\n')).toEqual([1, 0]);
  });

  it('parses gpiomon events of both versions and ignores anything else', () => {
    expect(parseMonitorLine('5 1')).toEqual({ pin: 5, value: 1 });
    expect(parseMonitorLine('5 0')).toEqual({ pin: 5, value: 0 });
    expect(parseMonitorLine('6 falling')).toEqual({ pin: 6, value: 0 });
    expect(parseMonitorLine('6 rising')).toEqual({ pin: 6, value: 1 });
    expect(parseMonitorLine('6 2')).toEqual({ pin: 6, value: 0 });
    expect(parseMonitorLine('')).toBeNull();
    expect(parseMonitorLine('gpiomon: error')).toBeNull();
  });
});
