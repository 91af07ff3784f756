export { convertToWanyuan, type ConversionResult, type RoundingAdjustment } from './convert-unit';
export { convertToYuan } from './convert-to-yuan';
