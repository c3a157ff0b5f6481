// The 20 animal pictures, Twemoji SVGs (CC-BY 4.0) bundled by Vite; small
// ones are inlined as data: URLs. Twemoji has no gull, hyena or wasp: the
// goose, the leopard and the bee stand in for them, and STAND_INS says so
// where the animals are chosen.
import ape from '@twemoji/svg/1f98d.svg';
import bat from '@twemoji/svg/1f987.svg';
import bear from '@twemoji/svg/1f43b.svg';
import whale from '@twemoji/svg/1f40b.svg';
import crow from '@twemoji/svg/1f426-200d-2b1b.svg';
import dog from '@twemoji/svg/1f415.svg';
import duck from '@twemoji/svg/1f986.svg';
import cat from '@twemoji/svg/1f408.svg';
import wasp from '@twemoji/svg/1f41d.svg';
import fox from '@twemoji/svg/1f98a.svg';
import gull from '@twemoji/svg/1fabf.svg';
import hyena from '@twemoji/svg/1f406.svg';
import lion from '@twemoji/svg/1f981.svg';
import panda from '@twemoji/svg/1f43c.svg';
import rat from '@twemoji/svg/1f400.svg';
import shark from '@twemoji/svg/1f988.svg';
import spider from '@twemoji/svg/1f577.svg';
import turtle from '@twemoji/svg/1f422.svg';
import wolf from '@twemoji/svg/1f43a.svg';
import zebra from '@twemoji/svg/1f993.svg';

const PICTURES = {
  Ape: ape, Bat: bat, Bear: bear, Whale: whale, Crow: crow, Dog: dog, Duck: duck, Cat: cat, Wasp: wasp, Fox: fox,
  Gull: gull, Hyena: hyena, Lion: lion, Panda: panda, Rat: rat, Shark: shark, Spider: spider, Turtle: turtle,
  Wolf: wolf, Zebra: zebra,
};

/** pictureOf returns the image URL for an animal name from Animals(). */
export function pictureOf(name) {
  return PICTURES[name] ?? '';
}

/** STAND_INS tells the user which pictures show another animal than their name. */
export const STAND_INS = 'No picture of a gull, a hyena or a wasp exists in the set: the Gull is the goose, the Hyena the leopard, the Wasp the bee.';
